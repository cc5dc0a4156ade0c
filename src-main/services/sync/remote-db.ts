import pg from 'pg';
import { AppError, clip } from '../../contract/errors';
import type { SyncKind } from '../../core/sync/sync-units';
import { articleKinds, syncKinds } from '../../core/sync/sync-units';
import type { RemoteAddress } from './remote-address';
import { passwordFor } from './remote-password';

/** What the team database says it is; another program's database is refused (ADR 007). */
export const REMOTE_FORMAT = 'parallax-team-notebook';
/** The schema this version of Parallax writes; older ones are migrated, newer ones refused. */
export const REMOTE_SCHEMA_VERSION = 2;

const kindList = (kinds: readonly string[]) => kinds.map((k) => `'${k}'`).join(', ');

/** One change as the server keeps it: `seq` is the server's order, the same for every laptop. */
export type RemoteChange = {
  seq: number;
  changeId: string;
  kind: SyncKind;
  key: string;
  articleId: string;
  author: string;
  device: string;
  editedAt: string;
  /** A tombstone: the record was deleted. */
  deleted: boolean;
  /** The record as JSON text (null for a tombstone). Text, not jsonb: kept byte for byte, and `\u0000` is allowed. */
  body: string | null;
};
export type NewChange = Omit<RemoteChange, 'seq'>;

/**
 * Migrations by the version they lead to; all run in the transaction that records the new version. Version 1
 * keeps the kinds it was released with, so a database made today passes through the same steps as an old one.
 */
const migrations: Record<number, string[]> = {
  1: [
    `CREATE TABLE parallax_meta (key text PRIMARY KEY, value text NOT NULL)`,
    `CREATE TABLE parallax_changes (
       seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       change_id text NOT NULL UNIQUE,
       kind text NOT NULL CHECK (kind IN (${kindList(articleKinds)})),
       key text NOT NULL,
       article_id text NOT NULL,
       author text NOT NULL,
       device text NOT NULL,
       edited_at text NOT NULL,
       deleted boolean NOT NULL DEFAULT false,
       body text,
       pushed_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE INDEX parallax_changes_by_key ON parallax_changes (kind, key, seq)`,
  ],
  // Stories, tag colours and saved searches: changes of the notebook, with an empty article id.
  2: [
    `ALTER TABLE parallax_changes DROP CONSTRAINT parallax_changes_kind_check,
       ADD CONSTRAINT parallax_changes_kind_check CHECK (kind IN (${kindList(syncKinds)}))`,
  ],
};

/** Every push and schema change takes this lock, so change numbers become visible in the order they were given. */
const LOCK = 727_272_001;

const where = (a: RemoteAddress) => `${a.host}:${a.port}/${a.database}`;

/** A PostgreSQL or network failure in words that say what to do; the notebook is never touched by one. */
export function remoteError(e: unknown, a: RemoteAddress): AppError {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  const code = err.code ?? '';
  const tail = 'the notebook is unchanged';
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE'].includes(code))
    return new AppError('UNREACHABLE', `The team database at ${where(a)} cannot be reached (${code}); ${tail}`);
  if (code === '28P01' || code === '28000')
    return new AppError('UNAUTHORIZED', `PostgreSQL refused user ${a.user} at ${where(a)}: wrong password, or no access to the database; ${tail}`);
  if (code === '3D000') return new AppError('NOT_FOUND', `There is no database ${a.database} at ${a.host}:${a.port}; create it with: createdb ${a.database}; ${tail}`);
  if (code === '57P01' || code === '57P02' || code === '57P03' || code === '08006' || code === '08003' || /terminat|not queryable/i.test(err.message ?? ''))
    return new AppError('UNREACHABLE', `The connection to ${where(a)} was lost mid-sync; run the sync again to finish (nothing is lost or applied twice)`);
  if (/password must be a string|SASL.*password/i.test(err.message ?? ''))
    return new AppError('UNAUTHORIZED', `${where(a)} wants a password for ${a.user}: set PGPASSWORD, add it to ~/.pgpass, or type it when asked; ${tail}`);
  if (code === '42501') return new AppError('FORBIDDEN', `User ${a.user} may not create or write Parallax's tables in ${a.database}; ${tail}`);
  return new AppError('UNREACHABLE', `The team database at ${where(a)} failed: ${clip(err.message ?? String(e), 200)}; ${tail}`);
}

export class RemoteDb {
  private constructor(
    private readonly client: pg.Client,
    readonly address: RemoteAddress,
  ) {}

  static async connect(address: RemoteAddress, password?: string): Promise<RemoteDb> {
    const client = new pg.Client({
      host: address.host,
      port: address.port,
      database: address.database,
      user: address.user,
      // Asked only when the server wants one; undefined (none found) makes pg fail with a message remoteError explains.
      password: (() => passwordFor(address, password)) as () => Promise<string>,
      connectionTimeoutMillis: 15_000,
      application_name: 'parallax',
    });
    // A server going away later surfaces as a failed query; without a listener it would crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => undefined);
      throw remoteError(e, address);
    }
    return new RemoteDb(client, address);
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw remoteError(e, this.address);
    }
  }

  /**
   * Creates the schema in an empty database, migrates an older one, and refuses a database that belongs to
   * another program (it has tables but no Parallax marker) or was made by a newer Parallax.
   */
  async ensureSchema(): Promise<{ created: boolean; migratedFrom: number | null }> {
    return this.run(async () => {
      await this.client.query('BEGIN');
      try {
        await this.client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
        const tables = (await this.client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`)).rows.map((r) => r.table_name);
        let version = 0;
        if (tables.includes('parallax_meta')) {
          const meta = new Map((await this.client.query<{ key: string; value: string }>('SELECT key, value FROM parallax_meta')).rows.map((r) => [r.key, r.value]));
          if (meta.get('format') !== REMOTE_FORMAT) throw this.foreign(tables.length);
          version = Number(meta.get('schema_version'));
          if (!Number.isInteger(version) || version < 1) throw this.foreign(tables.length);
        } else if (tables.length > 0) {
          throw this.foreign(tables.length);
        }
        if (version > REMOTE_SCHEMA_VERSION)
          throw new AppError('UNSUPPORTED', `The team database was set up by a newer Parallax (schema ${version}; this one knows ${REMOTE_SCHEMA_VERSION}): update Parallax; the notebook is unchanged`);
        for (let v = version + 1; v <= REMOTE_SCHEMA_VERSION; v++) for (const sql of migrations[v] ?? []) await this.client.query(sql);
        if (version === 0) await this.client.query(`INSERT INTO parallax_meta (key, value) VALUES ('format', $1), ('created_at', $2)`, [REMOTE_FORMAT, new Date().toISOString()]);
        if (version < REMOTE_SCHEMA_VERSION)
          await this.client.query(`INSERT INTO parallax_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [String(REMOTE_SCHEMA_VERSION)]);
        await this.client.query('COMMIT');
        return { created: version === 0, migratedFrom: version > 0 && version < REMOTE_SCHEMA_VERSION ? version : null };
      } catch (e) {
        await this.client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  private foreign(count: number): AppError {
    return new AppError(
      'CONFLICT',
      `${this.address.database} at ${this.address.host}:${this.address.port} holds ${count} table${count === 1 ? '' : 's'} of another program; give the team an empty database of its own (createdb ${this.address.database}_parallax); the notebook is unchanged`,
    );
  }

  /** The changes after `afterSeq`, oldest first. */
  async pull(afterSeq: number, limit: number): Promise<RemoteChange[]> {
    return this.run(async () => {
      const { rows } = await this.client.query<Record<string, unknown>>(
        `SELECT seq, change_id, kind, key, article_id, author, device, edited_at, deleted, body FROM parallax_changes WHERE seq > $1 ORDER BY seq LIMIT $2`,
        [afterSeq, limit],
      );
      return rows.map((r) => ({
        seq: Number(r.seq),
        changeId: String(r.change_id),
        kind: r.kind as SyncKind,
        key: String(r.key),
        articleId: String(r.article_id),
        author: String(r.author),
        device: String(r.device),
        editedAt: String(r.edited_at),
        deleted: Boolean(r.deleted),
        body: r.body === null ? null : String(r.body),
      }));
    });
  }

  /**
   * Adds changes in one transaction and returns each one's number. A change id already there (a push that was
   * cut off after its commit and is now sent again) is not added twice: its first number comes back.
   * `caughtUp` is the server's last number after the push when the server held nothing after `afterSeq`
   * before it (the pushing copy had applied everything else): that copy can move past its own changes
   * without pulling them back. Otherwise null. The lock orders pushes, so no other push can slip between.
   */
  async push(changes: NewChange[], afterSeq: number): Promise<{ seqs: Map<string, number>; caughtUp: number | null }> {
    if (!changes.length) return { seqs: new Map(), caughtUp: null };
    return this.run(async () => {
      await this.client.query('BEGIN');
      try {
        await this.client.query('SELECT pg_advisory_xact_lock($1)', [LOCK]);
        const top = async () => Number((await this.client.query<{ top: string | null }>('SELECT max(seq) AS top FROM parallax_changes')).rows[0]?.top ?? 0);
        const before = await top();
        const rows = changes.map((c) => ({
          change_id: c.changeId,
          kind: c.kind,
          key: c.key,
          article_id: c.articleId,
          author: c.author,
          device: c.device,
          edited_at: c.editedAt,
          deleted: c.deleted,
          body: c.body,
        }));
        await this.client.query(
          `INSERT INTO parallax_changes (change_id, kind, key, article_id, author, device, edited_at, deleted, body)
           SELECT change_id, kind, key, article_id, author, device, edited_at, deleted, body
           FROM json_to_recordset($1::json) AS x(change_id text, kind text, key text, article_id text, author text, device text, edited_at text, deleted boolean, body text)
           ON CONFLICT (change_id) DO NOTHING`,
          [JSON.stringify(rows)],
        );
        const { rows: numbered } = await this.client.query<{ seq: string; change_id: string }>(`SELECT seq, change_id FROM parallax_changes WHERE change_id = ANY($1::text[])`, [
          changes.map((c) => c.changeId),
        ]);
        const after = before <= afterSeq ? await top() : null;
        await this.client.query('COMMIT');
        return { seqs: new Map(numbered.map((r) => [r.change_id, Number(r.seq)])), caughtUp: after };
      } catch (e) {
        await this.client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
    });
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
