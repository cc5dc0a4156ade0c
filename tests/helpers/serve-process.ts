import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export type ApiReply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
/** One API call over HTTP, as the renderer makes it in web mode: POST /api/<method> with the launch token. */
export type Api = (method: string, payload?: unknown) => Promise<ApiReply>;
export type ServeProcess = { child: ChildProcessWithoutNullStreams; url: string; origin: string; token: string; api: Api };

export function tokenApi(origin: string, token: string): Api {
  return async (method, payload = {}) => {
    const res = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });
    return (await res.json()) as ApiReply;
  };
}

/**
 * Start `parallax serve --port 0` on a notebook and wait for its first line, the URL with the token.
 * `launcher` is what node runs before the CLI's arguments: the built `bin/parallax.mjs`, or tsx and the
 * source launcher; `env` is added to the server's environment. Rejects, with the server's stderr, if it exits before printing the URL.
 */
export async function spawnServe(
  launcher: string[],
  notebook: string,
  extra: string[] = [],
  cwd?: string,
  env?: NodeJS.ProcessEnv,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...launcher, 'serve', '--port', '0', '--notebook', notebook, ...extra], {
    cwd,
    env: env && { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`parallax serve exited with ${code}: ${stderr}`));
    child.once('exit', early);
    createInterface({ input: child.stdout }).once('line', (line) => {
      child.off('exit', early);
      resolve(line);
    });
  });
  const { origin, hash } = new URL(url);
  const token = hash.replace('#token=', '');
  return { child, url, origin, token, api: tokenApi(origin, token) };
}
