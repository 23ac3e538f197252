// The frontend steps of the Maven build, skipped when their inputs did not change since the last run:
//
//   node scripts/build-step.mjs install   npm ci, only when package-lock.json (or Node's version) changed
//   node scripts/build-step.mjs build     npm run build, only when a build input changed
//
// Each step hashes its inputs (file contents, not times, so a checkout or a touch without a change
// does not count) and keeps the hash in a stamp under node_modules/.pilimarket/; `npm ci` empties
// node_modules, so a reinstall always rebuilds. Build inputs are every file under frontend/ except
// what the build makes or never reads (node_modules, dist, coverage, e2e, *.md), plus Node's version
// and the VITE_* variables. PILIMARKET_FRONTEND_FORCE=1 runs the step anyway.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampDir = path.join(root, 'node_modules', '.pilimarket');
const notInputs = new Set(['node_modules', 'dist', 'coverage', 'e2e', '.vite']);

function filesUnder(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (notInputs.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) filesUnder(full, out);
    else if (entry.isFile() && !entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

function hashOf(files, extra) {
  const hash = createHash('sha256');
  hash.update(extra);
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function npm(args) {
  const result = spawnSync('npm', args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function step(name, inputsHash, isOutputThere, run) {
  const stamp = path.join(stampDir, `${name}.sha256`);
  const previous = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';
  if (process.env.PILIMARKET_FRONTEND_FORCE !== '1' && previous === inputsHash && isOutputThere()) {
    console.log(`frontend ${name}: inputs unchanged, skipped`);
    return;
  }
  run();
  fs.mkdirSync(stampDir, { recursive: true });
  fs.writeFileSync(stamp, inputsHash + '\n');
}

const what = process.argv[2];
if (what === 'install') {
  const inputs = hashOf([path.join(root, 'package-lock.json')], process.version);
  step(
    'install',
    inputs,
    () => fs.existsSync(path.join(root, 'node_modules', '.package-lock.json')),
    () => npm(['ci', '--no-audit', '--no-fund', '--prefer-offline']),
  );
} else if (what === 'build') {
  const vite = Object.keys(process.env)
    .filter((k) => k.startsWith('VITE_'))
    .sort()
    .map((k) => `${k}=${process.env[k]}`)
    .join('\n');
  const inputs = hashOf(filesUnder(root), `${process.version}\n${vite}`);
  step(
    'build',
    inputs,
    () => fs.existsSync(path.join(root, 'dist', 'index.html')),
    () => npm(['run', 'build']),
  );
} else {
  console.error('usage: node scripts/build-step.mjs install|build');
  process.exit(2);
}
