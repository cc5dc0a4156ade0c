import { AppError, clip } from '../../contract/errors';

/** A team database's address as Parallax keeps and shows it: never with a password in it. */
export type RemoteAddress = { url: string; host: string; port: number; database: string; user: string };

/**
 * Reads `postgres://user@host:port/db`. A password inside the address is refused, not stripped: a command
 * line is visible to other users of the machine, and the notebook must never keep one (the password comes
 * from PGPASSWORD, ~/.pgpass or a prompt).
 */
export function parseRemoteAddress(text: string, defaultUser: string): RemoteAddress {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new AppError('BAD_INPUT', `"${clip(text, 120)}" is not a database address; write it as postgres://user@host:port/database`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw new AppError('BAD_INPUT', `A team notebook meets in PostgreSQL: write the address as postgres://user@host:port/database, not ${url.protocol.replace(/:$/, '')}:`);
  if (url.password)
    throw new AppError('BAD_INPUT', 'Leave the password out of the address (other users can see a command line): set PGPASSWORD, add it to ~/.pgpass, or type it when asked');
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database || database.includes('/')) throw new AppError('BAD_INPUT', 'Name the database after the host: postgres://user@host:port/database');
  if (!url.hostname) throw new AppError('BAD_INPUT', 'Name the database server: postgres://user@host:port/database');
  const port = url.port ? Number(url.port) : 5432;
  const user = decodeURIComponent(url.username) || defaultUser;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return { url: `postgres://${encodeURIComponent(user)}@${url.host}/${encodeURIComponent(database)}`, host, port, database, user };
}
