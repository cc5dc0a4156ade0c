/**
 * `npm run bench:import`: the BBC corpus (2,225 files + README) imported into a fresh notebook, end to end
 * (walk, read, decode, analyse, de-duplicate, write):
 *   - through the built CLI (`parallax import`, a whole process: start, open, import, close; needs
 *     `npm run build`), as a user runs it, with the default durability (fsync);
 *   - in-process through the handler, with and without fsync (what durability costs);
 *   - SQLite FTS5: the same files read and indexed in one durable transaction (no analysis);
 *   - with PEER=1, a naive peer: the same articles appended to a single lowdb JSONFile, one write per
 *     article, as a one-file store would do (first 1,000 only; slow, hence optional).
 * IN_PROCESS=0 and PDF_FILES=0 leave those rows out.
 * RUNS=n repeats each Parallax measurement n times (default 3) and reports the best and the median.
 * BASELINE_BIN=path/to/bin/parallax.mjs (another build, e.g. the previous commit's) is run too, each of its
 * runs interleaved with one of this build's, so both meet the same load. Every CLI row also gives the CPU
 * time (user + system) of the whole process per file, from /proc/self/stat's children's times: a figure the
 * machine's load hardly moves, where wall time doubles with it.
 * Then PDFs per second: PDF_FILES (default 40) ten-page two-column reports made here with pdf-lib (each with
 * its own text, a running header and page numbers; no PDF is stored in the project), imported through the
 * CLI and in-process, each keeping its snapshot; and reading their text layer alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openBackend } from '../src-main/services/backend';
import { createPdfReader } from '../src-main/services/importer/formats/pdf-file';
import { readPdfTextLayer } from '../src-main/services/importer/formats/pdf-text-layer';
import { makePdf, proseLines } from '../tests/helpers/pdf-fixtures';
import { corpusOrSkip, machine, table, withTempDir } from './bench-utils';
import { importFilesFts5 } from './fts5-peer';

const bin = fileURLToPath(new URL('../bin/parallax.mjs', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 3);
const bbc = corpusOrSkip('01-bbc-news-fulltext');

/** `cpuSeconds`: CPU time over the run, all threads (workers too; the child's for the CLI): a figure load distorts less. */
type Run = { files: number; imported: number; duplicates: number; seconds: number; cpuSeconds?: number };

/** Files per second to two significant places below 10 (PDFs), whole numbers above. */
const rate = (files: number, s: number) => (files / s < 10 ? (files / s).toFixed(2) : String(Math.round(files / s)));
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const baselineBin = process.env.BASELINE_BIN;

/** User + system CPU seconds of this process's waited-for children (Linux; 0 elsewhere). */
function childCpuSeconds(): number {
  if (process.platform !== 'linux') return 0;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // After the command name: field 16 (cutime) and 17 (cstime) of proc(5) are at 13 and 14 here, in ticks of 1/100 s.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** One `parallax import` of `folder` into a fresh notebook, by the CLI at `cliBin`; CPU seconds are the child's. */
async function cliImport(cliBin: string, folder: string): Promise<Run> {
  return withTempDir(async (dir) => {
    const nb = join(dir, 'nb');
    spawnSync(process.execPath, [cliBin, 'init', '--notebook', nb], { stdio: 'ignore' });
    const cpu0 = childCpuSeconds();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cliBin, 'import', folder, '--notebook', nb, '--json'], { maxBuffer: 64 << 20 });
    const seconds = (performance.now() - t0) / 1000;
    const cpuSeconds = childCpuSeconds() - cpu0;
    if (r.status !== 0) throw new Error(`parallax import failed: ${r.stderr}`);
    const rep = JSON.parse(r.stdout.toString()) as { imported: unknown[]; duplicates: unknown[]; errors: unknown[] };
    return {
      files: rep.imported.length + rep.duplicates.length + rep.errors.length,
      imported: rep.imported.length,
      duplicates: rep.duplicates.length,
      seconds,
      cpuSeconds,
    };
  });
}

const median_ = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function summarise(store: string, runs: Run[]): Record<string, string | number> {
  const secs = runs.map((r) => r.seconds).sort((a, b) => a - b);
  const { files, imported, duplicates } = runs[0]!;
  const best = secs[0]!;
  const median = secs[Math.floor(secs.length / 2)]!;
  return {
    store,
    files,
    imported,
    duplicates,
    'best s': +best.toFixed(2),
    'median s': +median.toFixed(2),
    'files/s (best / median)': `${rate(files, best)} / ${rate(files, median)}`,
    ...(runs[0]!.cpuSeconds !== undefined ? { 'CPU ms/file (median)': +((median_(runs.map((r) => r.cpuSeconds!)) * 1000) / files).toFixed(2) } : {}),
  };
}

// ONLY=pdf measures PDF import alone (the BBC part takes minutes on a shared machine).
if (bbc && process.env.ONLY !== 'pdf') {
  const load = () => (process.platform === 'linux' ? (spawnSync('cat', ['/proc/loadavg']).stdout?.toString().trim() ?? '') : '');
  console.log(`import benchmark on ${machine()}; ${RUNS} runs each; load ${load()}`);
  const rows: Array<Record<string, string | number>> = [];
  const cli: Run[] = [];
  const baseline: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (baselineBin) baseline.push(await cliImport(baselineBin, join(bbc, 'bbc')));
    cli.push(await cliImport(bin, join(bbc, 'bbc')));
  }
  rows.push(summarise('Parallax CLI, whole process (fsync)', cli));
  if (baselineBin) rows.push(summarise(`baseline CLI ${baselineBin} (fsync)`, baseline));
  // IN_PROCESS=0 leaves these rows out (a before/after of the CLI on a busy machine needs its time).
  for (const durability of process.env.IN_PROCESS === '0' ? [] : (['fsync', 'none'] as const)) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      await withTempDir(async (dir) => {
        const backend = await openBackend(join(dir, 'nb'), { create: true, durability });
        const t0 = performance.now();
        const r = await backend.handlers['articles.importPaths']({ paths: [join(bbc, 'bbc')] });
        const seconds = (performance.now() - t0) / 1000;
        await backend.close();
        runs.push({
          files: r.imported.length + r.duplicates.length + r.errors.length,
          imported: r.imported.length,
          duplicates: r.duplicates.length,
          seconds,
        });
      });
    }
    rows.push(summarise(`Parallax in-process (${durability})`, runs));
  }
  // The SQLite FTS5 peer: the same files read and indexed in one durable transaction (fts5-peer.ts).
  const fts: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    await withTempDir(async (dir) => {
      const { files, seconds } = importFilesFts5(join(dir, 'fts5.db'), join(bbc, 'bbc'));
      fts.push({ files, imported: files, duplicates: 0, seconds });
    });
  }
  rows.push(summarise('peer: SQLite FTS5, one transaction (synchronous FULL, no analysis)', fts));
  if (process.env.PEER === '1') {
    await withTempDir(async (dir) => {
      const backend = await openBackend(join(dir, 'src'), { create: true, durability: 'none' });
      await backend.handlers['articles.importPaths']({ paths: [join(bbc, 'bbc')] });
      const records = await Promise.all([...backend.store.entries()].slice(0, 1000).map((e) => backend.store.readArticle(e.id)));
      const db = new Low(new JSONFile<{ articles: unknown[] }>(join(dir, 'one.json')), { articles: [] });
      const t0 = performance.now();
      for (const r of records) {
        db.data.articles.push(r);
        await db.write();
      }
      const s = (performance.now() - t0) / 1000;
      rows.push(
        summarise('peer: one lowdb file, write per article (first 1,000)', [
          { files: records.length, imported: records.length, duplicates: 0, seconds: s },
        ]),
      );
      await backend.close();
    });
  }
  table(rows);
  console.log(`load at end: ${load()}`);
}

/** Ten-page reports in two columns, each file's words shifted so no two are duplicates. */
async function writeReports(dir: string, count: number): Promise<Uint8Array[]> {
  mkdirSync(dir, { recursive: true });
  const out: Uint8Array[] = [];
  for (let f = 0; f < count; f++) {
    const pages = Array.from({ length: 10 }, (_, p) => ({
      header: `Report ${f} of the harbour authority`,
      footer: `Page ${p + 1} of 10`,
      lines: [
        ...(p === 0 ? [{ text: `Harbour report number ${f}`, size: 20, column: 'full' as const }] : []),
        ...proseLines(40, f * 10 + p, 0, 5),
        ...proseLines(40, f * 10 + p + 3, 1),
      ],
    }));
    const bytes = await makePdf({ title: `Harbour report number ${f}`, created: new Date('2025-10-12T09:00:00Z'), pages });
    writeFileSync(join(dir, `report-${f}.pdf`), bytes);
    out.push(bytes);
  }
  return out;
}

const pdfCount = Number(process.env.PDF_FILES ?? 40);
// PDF_FILES=0 leaves the PDF rows out.
if (pdfCount > 0) {
  const count = pdfCount;
  const load = () => (process.platform === 'linux' ? (spawnSync('cat', ['/proc/loadavg']).stdout?.toString().trim() ?? '') : '');
  console.log(`\nPDF import: ${count} ten-page two-column reports; ${RUNS} runs each; load ${load()}`);
  await withTempDir(async (dir) => {
    const folder = join(dir, 'pdfs');
    const reports = await writeReports(folder, count);
    const mb = reports.reduce((n, b) => n + b.length, 0) / 1048576;
    const rows: Array<Record<string, string | number>> = [];
    // Baseline in the same run: pdf.js on the calling thread, as PDF import did before it had workers.
    const onThread: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [t0, c0] = [performance.now(), cpuNow()];
      for (const [k, b] of reports.entries()) await readPdfTextLayer(b, `report-${k}.pdf`);
      onThread.push({ files: count, imported: count, duplicates: 0, seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuNow() - c0 });
    }
    rows.push(summarise(`text layer only, main thread, one at a time (${mb.toFixed(1)} MB, ${count * 10} pages)`, onThread));
    const reader = createPdfReader();
    for (const parallel of [1, 2]) {
      const extract: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const [t0, c0] = [performance.now(), cpuNow()];
        if (parallel === 1) for (const [k, b] of reports.entries()) await reader.read(b, `report-${k}.pdf`);
        else await Promise.all(reports.map((b, k) => reader.read(b, `report-${k}.pdf`)));
        extract.push({ files: count, imported: count, duplicates: 0, seconds: (performance.now() - t0) / 1000, cpuSeconds: cpuNow() - c0 });
      }
      rows.push(summarise(`text layer only, PDF workers, ${parallel === 1 ? 'one at a time' : 'all queued (two at once)'}`, extract));
    }
    await reader.close();
    const cli: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await cliImport(bin, folder);
      if (run.imported !== count) throw new Error(`expected ${count} PDFs imported, got ${run.imported}`);
      cli.push(run);
    }
    rows.push(summarise('PDFs, Parallax CLI, whole process (fsync)', cli));
    const inProcess: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      const backend = await openBackend(join(dir, `in-${i}`), { create: true, durability: 'fsync' });
      const [t0, c0] = [performance.now(), cpuNow()];
      const r = await backend.handlers['articles.importPaths']({ paths: [folder] });
      const seconds = (performance.now() - t0) / 1000;
      const cpuSeconds = cpuNow() - c0;
      await backend.close();
      inProcess.push({ files: count, imported: r.imported.length, duplicates: r.duplicates.length, seconds, cpuSeconds });
    }
    rows.push(summarise('PDFs, Parallax in-process (fsync)', inProcess));
    table(rows);
    console.log(`load at end: ${load()}`);
  });
}
