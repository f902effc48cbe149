// Runs one of the older benchmark scripts in its own process and hands back its output (the parts
// read their figures from the lines it prints).
const { spawn } = require('node:child_process');
const { join } = require('node:path');
const { ROOT } = require('../common');

module.exports = function runScript(file, env, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, '..', file)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let partial = '';
    const take = (d) => {
      out += d;
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop();
      for (const line of lines) log(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${file} exited with ${code}: ${out.slice(-1000)}`)),
    );
  });
};

/** The first number captured by `re` in `out`, or null. */
module.exports.number = (out, re) => {
  const m = re.exec(out);
  return m ? Number(m[1]) : null;
};
