/**
 * `npm run check:analysis -- --write FILE` / `-- --check FILE`: proves a change to the analysis left every
 * answer as it was. It analyses public texts as the importer stores them and records a digest of each
 * result (blocks, body, boilerplate, metadata with cues and confidences, tags, fingerprint); `--check`
 * compares against a file written before the change and lists every text whose analysis differs.
 *
 *   - BBC: all 2,225 files of ../shared/corpora/01-bbc-news-fulltext, read and decoded as `parallax import` does;
 *   - 07: the 181 pages' visible text (as pasted; bench/.data/visible-text, rendered by eval:import) and, with
 *     `--saved`, the saved .html pages themselves (slow: ~2 s a page);
 *   - 08 and 11: the AllSides and NewsWCL50 articles, each as a title line and its paragraphs.
 *
 * It also prints the analysis CPU time per article (process.cpuUsage, user + system), which the machine's
 * load does not inflate the way it inflates wall time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { analyseJob } from '../src-main/services/importer/analyse-job';
import type { AnalysisJob } from '../src-main/services/importer/analyse-job';
import { readImportFile } from '../src-main/services/importer/read-import-file';
import { corpusOrSkip, loadAverage } from './bench-utils';
import { loadAllSides, loadNewsWcl } from './compare-eval/corpora';
import { visibleTexts } from './visible-text';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const writeTo = opt('write');
const checkAgainst = opt('check');
if (!writeTo && !checkAgainst) throw new Error('usage: analysis-digest.ts --write FILE | --check FILE [--saved]');

type Named = { name: string; job: AnalysisJob };

async function bbcJobs(): Promise<Named[]> {
  const dir = corpusOrSkip('01-bbc-news-fulltext');
  if (!dir) throw new Error('the BBC corpus is needed');
  const root = join(dir, 'bbc');
  const out: Named[] = [];
  for (const cat of readdirSync(root).sort()) {
    if (!statSync(join(root, cat)).isDirectory()) continue;
    for (const f of readdirSync(join(root, cat)).sort()) {
      const file = join(root, cat, f);
      const loaded = await readImportFile(file);
      out.push({ name: `bbc/${cat}/${f}`, job: { format: loaded.format ?? 'text', text: loaded.text, file } });
    }
  }
  return out;
}

async function aebJobs(saved: boolean): Promise<Named[]> {
  const dir = corpusOrSkip('07-article-extraction-benchmark');
  if (!dir) throw new Error('corpus 07 is needed');
  const keys = readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .map((f) => f.slice(0, -'.html.gz'.length))
    .sort();
  const pages = keys.map((key) => ({ key, html: gunzipSync(readFileSync(join(dir, 'html', `${key}.html.gz`))).toString('utf8') }));
  const visible = await visibleTexts(pages, join(import.meta.dirname, '.data/visible-text'));
  const out: Named[] = pages.map((p) => ({ name: `07/pasted/${p.key}`, job: { format: 'text', text: visible.get(p.key)!, file: null } }));
  if (saved) out.push(...pages.map((p) => ({ name: `07/saved/${p.key}`, job: { format: 'html' as const, text: p.html, file: `${p.key}.html` } })));
  return out;
}

function paragraphJobs(): Named[] {
  const text = (title: string, paragraphs: string[]) => [title, ...paragraphs].filter((s) => s.trim()).join('\n\n');
  const out: Named[] = [];
  for (const s of loadAllSides() ?? [])
    for (const a of s.articles) out.push({ name: `08/${a.id}`, job: { format: 'text', text: text(a.title, a.body.split('\n\n')), file: null } });
  for (const e of loadNewsWcl()?.events ?? [])
    for (const d of e.docs) out.push({ name: `11/${d.id}`, job: { format: 'text', text: text(d.title, d.body.split('\n\n')), file: null } });
  return out;
}

const jobs = [...(await bbcJobs()), ...(await aebJobs(args.includes('--saved'))), ...paragraphJobs()];
const digests: Record<string, string> = {};
const cpu: Record<string, { micros: number; count: number }> = {};
for (const { name, job } of jobs) {
  const before = process.cpuUsage();
  const done = analyseJob(job);
  const used = process.cpuUsage(before);
  const group = name.split('/').slice(0, name.startsWith('07/') ? 2 : 1).join('/');
  cpu[group] ??= { micros: 0, count: 0 };
  cpu[group].micros += used.user + used.system;
  cpu[group].count++;
  digests[name] = createHash('sha256').update(JSON.stringify(done)).digest('hex');
}
console.log(`${jobs.length} texts analysed; load ${loadAverage()}`);
for (const [group, c] of Object.entries(cpu))
  console.log(`  ${group}: ${c.count} texts, analysis CPU ${(c.micros / 1000 / c.count).toFixed(2)} ms per text`);

if (writeTo) {
  writeFileSync(writeTo, JSON.stringify(digests, null, 1));
  console.log(`digests written to ${writeTo}`);
}
if (checkAgainst) {
  const old = JSON.parse(readFileSync(checkAgainst, 'utf8')) as Record<string, string>;
  const differ = Object.keys(digests).filter((k) => k in old && old[k] !== digests[k]);
  const missing = Object.keys(old).filter((k) => !(k in digests));
  const compared = Object.keys(digests).filter((k) => k in old).length;
  console.log(`${compared} analyses compared: ${compared - differ.length} identical, ${differ.length} differ, ${missing.length} not analysed now`);
  for (const k of differ.slice(0, 20)) console.log(`  differs: ${k}`);
  if (differ.length || missing.length || compared === 0) process.exitCode = 1;
}
