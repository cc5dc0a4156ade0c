/** pgpass (the module node-postgres uses for ~/.pgpass) ships no type declarations. */
declare module 'pgpass' {
  type Connection = { host?: string; port?: number; database?: string; user?: string };
  function pgpass(connection: Connection, callback: (password: string | undefined) => void): void;
  export default pgpass;
}
