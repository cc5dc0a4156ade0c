#!/usr/bin/env node
// `npm run bench`: every `bench:*` script in package.json, one after another, each printing its own figures.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = Object.keys(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts).filter((s) =>
  s.startsWith('bench:'),
);
let failed = 0;
for (const s of scripts) {
  process.stdout.write(`\n=== npm run ${s}\n`);
  const r = spawnSync('npm', ['run', '--silent', s], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
