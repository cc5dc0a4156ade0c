import pgpass from 'pgpass';
import type { RemoteAddress } from './remote-address';

/**
 * The team database's password, asked for only when the server wants one: typed by the user (a prompt)
 * first, then PGPASSWORD, then ~/.pgpass (which must be private: the pgpass module ignores a file others can
 * read, as psql does). It is never written anywhere by Parallax and never part of a message.
 */
export function passwordFor(address: RemoteAddress, typed: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (typed) return Promise.resolve(typed);
  if (env.PGPASSWORD) return Promise.resolve(env.PGPASSWORD);
  return new Promise((resolve) => {
    pgpass({ host: address.host, port: address.port, database: address.database, user: address.user }, (pass: string | undefined) => resolve(pass));
  });
}
