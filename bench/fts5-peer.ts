/**
 * The SQLite FTS5 peer of Parallax's search (better-sqlite3, a dev dependency): one FTS5 table of
 * (title, body) with the Porter stemmer (Parallax stems English too), answered with bm25 rank and a body
 * snippet per hit, top 20: what an app built on SQLite would do for the same search box.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type Fts5Doc = { title: string; body: string };

export const FTS5_SCHEMA = "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2')";

/** The top-20 query, with a snippet of the body (column 1) and the bm25 score; the same text as fts5-restart.mjs. */
export const FTS5_TOP20 =
  "SELECT rowid, title, snippet(docs, 1, '<mark>', '</mark>', '…', 16) AS snippet, bm25(docs) AS score FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20";

/**
 * A Parallax query (words, "a phrase", pre*) as an FTS5 MATCH expression: each word quoted, so FTS5 reads no
 * operator in it, and juxtaposed, which FTS5 reads as AND; a phrase kept as one quoted string; a prefix as
 * "pre"*. Returns null for a query with no letters or digits.
 */
export function toFts5Match(query: string): string | null {
  const parts: string[] = [];
  for (const m of query.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (m[1] !== undefined) {
      const words = m[1].match(/[\p{L}\p{N}]+/gu);
      if (words) parts.push(`"${words.join(' ')}"`);
      continue;
    }
    const prefix = /\*+$/.test(m[2]!);
    for (const [k, w] of (m[2]!.match(/[\p{L}\p{N}]+/gu) ?? []).entries()) parts.push(`"${w}"${prefix && k === 0 ? '*' : ''}`);
  }
  return parts.length ? parts.join(' ') : null;
}

/** Creates the database at `path` (which must not exist) and fills it in one transaction; returns the seconds. */
export function buildFts5(path: string, docs: Iterable<Fts5Doc>): number {
  const t0 = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(FTS5_SCHEMA);
  const insert = db.prepare('INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)');
  db.transaction(() => {
    let rowid = 0;
    for (const d of docs) insert.run(++rowid, d.title, d.body);
  })();
  db.close();
  return (performance.now() - t0) / 1000;
}

export type Fts5Searcher = { search: (query: string) => number; close: () => void };

/** Opens the database read-only; `search` answers a Parallax query and returns how many hits it showed. */
export function openFts5(path: string): Fts5Searcher {
  const db = new Database(path, { readonly: true });
  const top20 = db.prepare(FTS5_TOP20);
  return {
    search: (query) => {
      const match = toFts5Match(query);
      return match ? top20.all(match).length : 0;
    },
    close: () => db.close(),
  };
}

export type Fts5Restart = { wallMs: number; hits: number; rssBeforeMb: number; rssAfterMb: number };

/** A fresh process (fts5-restart.mjs) opens the database and answers `query`; timed from spawn to its answer. */
export function restartFts5(path: string, query: string): Fts5Restart {
  const script = fileURLToPath(new URL('./fts5-restart.mjs', import.meta.url));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [script, path, FTS5_TOP20, toFts5Match(query) ?? '""'], { encoding: 'utf8' });
  const wallMs = performance.now() - t0;
  if (r.status !== 0) throw new Error(`fts5-restart.mjs failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as { hits: number; rssBeforeMb: number; rssAfterMb: number };
  return { wallMs, hits: out.hits, rssBeforeMb: out.rssBeforeMb, rssAfterMb: out.rssAfterMb };
}

/**
 * The import peer: every .txt file under `folder` read and inserted into a fresh FTS5 table in one
 * transaction (first line as the title, the rest as the body; no analysis), committed with
 * synchronous = FULL so the import is on disk when it returns, as Parallax's fsync durability is.
 */
export function importFilesFts5(path: string, folder: string): { files: number; seconds: number } {
  const t0 = performance.now();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(FTS5_SCHEMA);
  const insert = db.prepare('INSERT INTO docs (title, body) VALUES (?, ?)');
  let files = 0;
  db.transaction(() => {
    for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
      if (!name.toLowerCase().endsWith('.txt') || /readme/i.test(name)) continue;
      const text = readFileSync(join(folder, name), 'utf8');
      const cut = text.indexOf('\n');
      insert.run(cut < 0 ? text : text.slice(0, cut), cut < 0 ? '' : text.slice(cut + 1));
      files++;
    }
  })();
  db.close();
  return { files, seconds: (performance.now() - t0) / 1000 };
}
