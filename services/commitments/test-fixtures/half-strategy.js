// A tracking strategy shipped as a code module, named in TRACKING_STRATEGY_MODULES.
module.exports = {
  strategies: [
    {
      key: 'always_half',
      description: 'test fixture: half done, whatever happens',
      compute: () => ({ progress: 50, explanation: 'fixture module' }),
    },
  ],
};
