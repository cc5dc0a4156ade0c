#!/usr/bin/env node
/**
 * `npm start`: build if needed, then open Parallax with the default notebook (created with the sample
 * articles on first run). A desktop window where Electron's binary is present or can be downloaded and
 * a display exists; otherwise web mode on http://127.0.0.1, and it says which and why.
 *   npm start -- --web        force web mode        npm start -- --desktop   force the desktop app
 *   PARALLAX_NOTEBOOK=DIR     use another notebook folder
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const say = (m) => process.stderr.write(`parallax: ${m}\n`);

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const built = join(repo, 'out', 'main', 'cli.js');
  const stale =
    !existsSync(built) || Math.max(newestMtime(join(repo, 'src-main')), newestMtime(join(repo, 'src-renderer'))) > statSync(built).mtimeMs;
  if (!stale) return;
  say('building the app…');
  const r = spawnSync(process.execPath, [join(repo, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  const pkg = join(repo, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const bin = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/** Try Electron's own installer once (it downloads the binary); quietly give up when offline. */
function fetchElectron() {
  const installer = join(repo, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return { ok: false, why: 'the electron package is not installed' };
  say('downloading the Electron binary (one time)…');
  const r = spawnSync(process.execPath, [installer], { cwd: join(repo, 'node_modules', 'electron'), encoding: 'utf8', timeout: 180_000 });
  if (r.status === 0 && electronBinary()) return { ok: true };
  const detail = `${r.stderr || r.stdout || r.error?.message || ''}`.trim().split('\n').pop();
  return { ok: false, why: `Electron's binary could not be downloaded (${detail || 'no network?'})` };
}

function chooseMode() {
  if (args.includes('--web') || process.env.PARALLAX_MODE === 'web') return { mode: 'web', why: 'web mode was asked for' };
  const forced = args.includes('--desktop') || process.env.PARALLAX_MODE === 'desktop';
  if (!forced && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { mode: 'web', why: 'there is no display (DISPLAY and WAYLAND_DISPLAY are not set)' };
  }
  if (electronBinary()) return { mode: 'desktop', why: 'Electron is installed' };
  const fetched = fetchElectron();
  return fetched.ok ? { mode: 'desktop', why: 'Electron was downloaded' } : { mode: 'web', why: fetched.why };
}

ensureBuilt();
const { mode, why } = chooseMode();
if (mode === 'desktop') {
  say(`starting the desktop app (${why}).`);
  const child = spawn(electronBinary(), [repo], { stdio: 'inherit', env: process.env });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  say(`starting in web mode because ${why}.`);
  say("open the address below in a browser; it carries this launch's access token. Ctrl+C stops Parallax.");
  const port = process.env.PARALLAX_PORT ?? '0';
  const child = spawn(process.execPath, [join(repo, 'bin', 'parallax.mjs'), 'serve', '--sample-if-new', '--port', port], {
    stdio: 'inherit',
    env: process.env,
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
