import { execFile, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp folder, trust auth on 127.0.0.1 only, a free
 * port, started with pg_ctl and removed after. PostgreSQL refuses to run as root and the tests run as root,
 * so the server runs as `nobody` (setpriv) in a folder that user owns. The binaries come from Debian's
 * packages (`/usr/lib/postgresql/<version>/bin`, installed by .ci/run); PARALLAX_PG_BIN overrides.
 */
export type PgCluster = {
  port: number;
  /** A connection string for `db` as the cluster's superuser (no password: trust on loopback). */
  url: (db: string) => string;
  createDatabase: (name: string) => Promise<void>;
  /** Stop and start again on the same port and data (a server restart mid-sync). */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

export const PG_USER = 'parallax_test';

export function postgresBinDir(): string {
  const fromEnv = process.env.PARALLAX_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0])
    throw new Error('PostgreSQL is not installed: the team-notebook tests need a real server. Install it with `apt-get install -y postgresql` (bash .ci/run does), or set PARALLAX_PG_BIN');
  return join(root, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const nobodyIds = async () => {
  const { stdout } = await run('id', ['-u', 'nobody']);
  const { stdout: g } = await run('id', ['-g', 'nobody']);
  return { uid: Number(stdout.trim()), gid: Number(g.trim()) };
};

export async function startPgCluster(): Promise<PgCluster> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'parallax-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? await nobodyIds() : null;
  if (ids) {
    chownSync(dir, ids.uid, ids.gid);
    chmodSync(dir, 0o700);
  }
  const as = (cmd: string, args: string[]) =>
    ids ? run('setpriv', [`--reuid=${ids.uid}`, `--regid=${ids.gid}`, '--clear-groups', join(bin, cmd), ...args], { cwd: dir }) : run(join(bin, cmd), args, { cwd: dir });
  await as('initdb', ['-D', data, '-A', 'trust', '-U', PG_USER, '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => as('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const stopServer = () => as('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  await start();
  const url = (db: string) => `postgres://${PG_USER}@127.0.0.1:${port}/${db}`;
  return {
    port,
    url,
    createDatabase: async (name) => {
      await new Promise<void>((resolve, reject) => {
        const p = spawn(join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', PG_USER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE "${name}"`], { stdio: 'ignore' });
        p.on('error', reject);
        p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`createdb ${name} failed (${code})`))));
      });
    },
    restart: async () => {
      await stopServer();
      await start();
    },
    stop: async () => {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
