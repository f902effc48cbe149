import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The compiled module, as a service's boot loads it (the build runs before the tests). */
const RESOLVE_CACHE = join(__dirname, '..', 'dist', 'resolve-cache.js');
const RUN_MAIN = join(__dirname, '..', 'dist', 'run-main.js');

/**
 * A project of its own in a temporary folder: a package in node_modules whose entry requires a file
 * of its own, and an entry script that installs the cache, requires the package, and saves.
 */
describe('resolve cache (real processes)', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const run = (env: Record<string, string> = {}) =>
    execFileSync(process.execPath, [join(root, 'app', 'main.js')], {
      env: { PATH: process.env.PATH ?? '', ...env },
    })
      .toString()
      .trim();
  const cacheFiles = () => readdirSync(join(root, 'node_modules', '.cache', 'ogp-resolve'));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ogp-resolve-'));
    write('node_modules/.package-lock.json', '{"lockfileVersion":3}');
    write('node_modules/pkg/package.json', '{"name":"pkg","main":"lib/first.js"}');
    write('node_modules/pkg/lib/first.js', `module.exports = 'first ' + require('./helper');`);
    write('node_modules/pkg/lib/second.js', `module.exports = 'second ' + require('./helper');`);
    write('node_modules/pkg/lib/helper.js', `module.exports = 'helper';`);
    write('app/own.js', `module.exports = 'own';`);
    write(
      'app/main.js',
      `const cache = require(${JSON.stringify(RESOLVE_CACHE)});
       cache.installResolveCache(__filename);
       const text = require('pkg') + ' ' + require('./own');
       cache.saveResolveCache();
       console.log(text);`,
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps where packages and their own files were found, not the project’s own files', () => {
    expect(run()).toBe('first helper own');
    const [file] = cacheFiles();
    const saved = JSON.parse(readFileSync(join(root, 'node_modules', '.cache', 'ogp-resolve', file), 'utf8')) as {
      entries: Record<string, string>;
    };
    const found = Object.entries(saved.entries).map(([key, path]) => [key.split('\0')[1], path.slice(root.length)]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['pkg', '/node_modules/pkg/lib/first.js'],
        ['./helper', '/node_modules/pkg/lib/helper.js'],
      ]),
    );
    expect(found.map(([request]) => request)).not.toContain('./own');
  });

  it('answers from the cache on the next start, and drops it when npm changes node_modules', () => {
    expect(run()).toBe('first helper own');
    // The package now points elsewhere but npm did not run: the cached answer is used (a hit).
    write('node_modules/pkg/package.json', '{"name":"pkg","main":"lib/second.js"}');
    expect(run()).toBe('first helper own');
    expect(run({ OGP_RESOLVE_CACHE: 'off' })).toBe('second helper own');
    // An install rewrites .package-lock.json: the cache no longer applies and is rewritten.
    write('node_modules/.package-lock.json', '{"lockfileVersion":3,"packages":{}}');
    expect(run()).toBe('second helper own');
    expect(run()).toBe('second helper own');
    expect(cacheFiles()).toHaveLength(1);
  });

  it('warm mode (the image build): writes the cache from the entry’s imports and boots nothing', () => {
    write(
      'app/service.js',
      `require(${JSON.stringify(RESOLVE_CACHE)}).installResolveCache(__filename);
       require('pkg');
       require(${JSON.stringify(RUN_MAIN)}).runMain('fixture', async () => { throw new Error('booted'); });`,
    );
    const out = execFileSync(process.execPath, [join(root, 'app', 'service.js')], {
      env: { PATH: process.env.PATH ?? '', OGP_RESOLVE_CACHE_WARM: '1' },
    }).toString();
    expect(out).toBe('');
    expect(cacheFiles()).toHaveLength(1);
  });

  it('starts as usual when the cache cannot be written', () => {
    write('node_modules/.cache', 'a file where the folder would be');
    expect(run()).toBe('first helper own');
    expect(run()).toBe('first helper own');
  });
});
