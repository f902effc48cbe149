// node tools/bench/profile-top.js <file.cpuprofile> [n]: the functions with the most self time,
// and the packages (node_modules/<name>) the samples fall in.
const { readFileSync } = require('node:fs');

const [file, n = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
for (const id of profile.samples) self.set(id, (self.get(id) ?? 0) + 1);
const total = profile.samples.length;
const fns = new Map();
const pkgs = new Map();
for (const [id, count] of self) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '~/').replace(/^file:\/\/.*\/(services|libs)\//, '$1/')}:${lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + count);
  const pkg =
    /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ??
    (url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url ? 'app' : functionName);
  pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + count);
}
const pct = (c) => `${((100 * c) / total).toFixed(1).padStart(5)}%`;
console.log(`${total} samples`);
for (const [k, c] of [...pkgs].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${pct(c)}  ${k}`);
console.log('');
for (const [k, c] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(n))) console.log(`${pct(c)}  ${k}`);
