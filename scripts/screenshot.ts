#!/usr/bin/env node
/**
 * `npm run screenshot`: the README's picture of the reader, taken from the real app in web mode with the
 * sample notebook (the article with embedded Arabic and Turkish posts), in Debian's Chromium.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../playwright.config';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(repo, 'bin', 'parallax.mjs');
const out = join(repo, 'docs', process.argv[2] ?? 'screenshot-reader.png');
const notebook = mkdtempSync(join(tmpdir(), 'parallax-shot-'));
const theme: 'light' | 'dark' = process.env.THEME === 'dark' ? 'dark' : 'light';

spawnSync(process.execPath, [bin, 'init', '--sample', '--notebook', notebook], { stdio: 'inherit' });
const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--notebook', notebook]);
const url = await new Promise<string>((resolve) => createInterface({ input: server.stdout }).once('line', resolve));
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, deviceScaleFactor: 1, colorScheme: theme });
  await page.goto(url);
  await page.getByRole('option', { name: /Turkiye and Syria prioritize/ }).click();
  await page.locator('figure.post').first().waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: out });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await once(server, 'exit'); // it saves its search index on the way out
  rmSync(notebook, { recursive: true, force: true });
}
