#!/usr/bin/env node
// The Parallax command line. It runs the built CLI (npm run build); see "parallax --help".
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'cli.js');
if (!existsSync(built)) {
  process.stderr.write('parallax: the app is not built yet; run "npm run build" (or "npm install", which builds it) first\n');
  process.exit(1);
}
// Web mode's search index starts loading before the CLI's own modules load (out/main/prestart.js).
const prestart = join(dirname(built), 'prestart.js');
if (existsSync(prestart)) (await import(pathToFileURL(prestart).href)).prestart(process.argv.slice(2), process.env);
const { runCli, processIo } = await import(pathToFileURL(built).href);
process.exitCode = await runCli(process.argv.slice(2), processIo());
