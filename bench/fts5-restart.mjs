// The FTS5 peer's restart, as a user meets it: a fresh Node process opens the database and answers one
// query (the top-20 SQL of fts5-peer.ts, passed in so there is one copy of it). Prints one JSON line: the
// hits, the milliseconds from the process start to the answer, the resident MB before opening and after.
//   node bench/fts5-restart.mjs <db> <SQL with one ?> <FTS5 MATCH expression>
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';

const [path, sql, match] = process.argv.slice(2);
if (!path || !sql || !match) {
  console.error('usage: node bench/fts5-restart.mjs <db> <SQL with one ?> <FTS5 MATCH expression>');
  process.exit(2);
}
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const before = rssMb();
const db = new Database(path, { readonly: true });
const hits = db.prepare(sql).all(match).length;
console.log(JSON.stringify({ hits, ms: performance.now(), rssBeforeMb: before, rssAfterMb: rssMb() }));
db.close();
