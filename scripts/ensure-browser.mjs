#!/usr/bin/env node
// End-to-end tests run in the system's Chromium (Playwright's own browser download is never used).
import { spawnSync } from 'node:child_process';

const path = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium';
const r = spawnSync(path, ['--version'], { encoding: 'utf8' });
if (r.status === 0) {
  process.stdout.write(`e2e browser: ${r.stdout.trim()} (${path})\n`);
} else {
  process.stderr.write(
    [
      `The end-to-end tests need Chromium at ${path}, and it is not there.`,
      'Install it with:   sudo apt-get install -y chromium        (Debian/Ubuntu; .ci/run does this)',
      'or point to another Chromium/Chrome:   PARALLAX_CHROMIUM=/path/to/chrome npm test',
      'Do not run "npx playwright install": the tests use the system browser.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
