import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../services/backend';

/**
 * What `parallax list` loads. Every module a command loads costs start-up time (chrono-node alone is ~300
 * files), so the modules only some commands use are loaded on first use (services/importer/load-analysis.ts,
 * services/lazy-require.ts, the export service, the compare jobs). A child process runs the command from
 * the sources with a module-load hook that writes down every module resolved (ES modules) and, at the end,
 * every CommonJS module required.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-start-up-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function modulesLoadedBy(args: string[]): { modules: string[]; out: string } {
  const log = join(dir, `modules-${args[0]}.log`);
  writeFileSync(log, '');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  appendFileSync(log, found.url + '\\n');
  return found;
}`,
  );
  const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)}, { data: { log: ${JSON.stringify(log)} } });`;
  const cli = pathToFileURL(join(__dirname, 'cli.ts')).href;
  const script = `import { createRequire } from 'node:module';
import { appendFileSync } from 'node:fs';
const { runCli } = await import(${JSON.stringify(cli)});
let out = '';
const code = await runCli(${JSON.stringify(args)}, { out: (t) => (out += t), err: (t) => process.stderr.write(t), env: process.env });
appendFileSync(${JSON.stringify(log)}, Object.keys(createRequire(import.meta.url)('node:module')._cache).join('\\n') + '\\n');
process.stdout.write(out);
process.exitCode = code;`;
  const run = spawnSync(
    process.execPath,
    ['--import', `data:text/javascript,${encodeURIComponent(register)}`, '--import', 'tsx', '--input-type=module', '-e', script],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  return { modules: readFileSync(log, 'utf8').split('\n').filter(Boolean), out: run.stdout };
}

const packagesIn = (modules: string[]) =>
  new Set(modules.flatMap((m) => [...m.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((x) => x[1]!)));

describe('parallax list start-up', () => {
  it('lists the sample without loading the analysis, the importers, the exporters, the comparison, the index or the servers', async () => {
    const notebook = join(dir, 'notebook');
    const backend = await openBackend(notebook, { create: true, durability: 'none' });
    await backend.handlers['notebook.importSample']({});
    await backend.close();
    const { modules, out } = modulesLoadedBy(['list', '--notebook', notebook]);
    expect(out).toMatch(/Shafaq News/); // the command really listed the sample
    const loaded = packagesIn(modules);
    expect(loaded.has('zod')).toBe(true); // the hook saw the packages list does load
    const heavy = [
      ...['jsdom', 'chrono-node', 'yaml', '@mozilla/readability', '@citation-js/core', 'unpdf', 'diff', 'franc-min'],
      // The team database's driver, the importers' decoders, the search index and its stemmers, the backup
      // archives, the comparison's name matching: each handler group loads its own (services/lazy-handlers.ts).
      ...['pg', 'chardet', 'iconv-lite', 'flexsearch', '@orama/stemmers', 'fflate', 'any-ascii', 'fastest-levenshtein'],
    ];
    for (const name of heavy) expect(loaded.has(name), `list loaded ${name}`).toBe(false);
    // Web mode's and the browser extension's HTTP servers load when serving only.
    expect(modules.filter((m) => m === 'node:http' || m === 'node:https')).toEqual([]);
    // The code of the handler groups list does not call stays unloaded too, not only their libraries.
    const groups = ['article-handlers', 'compare-handlers', 'search-handlers', 'export-handlers', 'sync-handlers', 'index-host'];
    expect(modules.filter((m) => groups.some((g) => m.endsWith(`/${g}.ts`)))).toEqual([]);
    // Only list's own command group is built (command-groups.ts), and of the contract only what listing
    // validates: the articles module, not the index that builds every schema of the API.
    const otherCommands = ['compare-commands', 'export-commands', 'serve-command', 'annotation-commands', 'tag-commands'];
    const otherContract = ['index', 'annotations', 'compare', 'tags', 'search', 'verdicts', 'verdict-model', 'export', 'sync'];
    expect(modules.filter((m) => otherCommands.some((c) => m.endsWith(`/cli/commands/${c}.ts`)))).toEqual([]);
    expect(modules.filter((m) => otherContract.some((c) => m.endsWith(`/src-main/contract/${c}.ts`)))).toEqual([]);
    expect(modules.some((m) => m.endsWith('/src-main/contract/articles.ts'))).toBe(true); // the hook sees contract modules
  });
});
