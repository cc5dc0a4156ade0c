import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Emit } from '../../../contract';
import { resolveNotebookDir } from '../../../services/app-paths';
import type { Backend } from '../../../services/backend';
import { startBackend, withSampleIfEmpty } from '../../../services/start-backend';
import type { RunningServer } from '../../http/http-server';
import { TOKEN_PATTERN, newToken } from '../../shared/token';
import type { ExtensionServer } from '../../extension/extension-server';
import { CliExit } from '../cli-io';
import type { CommandContext } from '../cli-program';
import { addGlobalOptions } from '../cli-program';
import { pathExists } from '../../../services/path-exists';
import { limitsFromEnv } from '../../../services/search/engine-limits';

/**
 * The built renderer sits beside the built CLI: out/main/cli.js -> out/renderer. This module may be built
 * into a chunk of its own (out/main/chunks/, loaded when `serve` runs) or run from source (tests).
 */
async function findRenderer(): Promise<string | undefined> {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const candidate of [join(here, '../renderer'), join(here, '../../renderer'), join(here, '../../../../out/renderer')]) {
    if (await pathExists(join(candidate, 'index.html'))) return candidate;
  }
  return undefined;
}

const port = (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) > 65535) throw new CliExit('BAD_INPUT', `--port must be 0..65535, got ${JSON.stringify(v)}`, 2);
  return Number(v);
};

/** A port that cannot be listened on, in words that say what to do; anything else as it came. */
function listenError(e: unknown, port: number): unknown {
  const reason = (e as NodeJS.ErrnoException).code;
  if (reason === 'EADDRINUSE') return new CliExit('CONFLICT', `port ${port} is in use: choose another with --port, or 0 for a free one`);
  if (reason === 'EACCES') {
    return new CliExit(
      'CONFLICT',
      `port ${port} needs more privileges than this user has: choose one above 1023 with --port, or 0 for a free one`,
    );
  }
  return e;
}

export function registerServeCommand(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('serve'))
    .description('web mode: serve the app and API on http://127.0.0.1 (loopback only), guarded by a per-launch token')
    .option('--port <n>', 'port (0 picks a free one)', port, 0)
    .option(
      '--token <token>',
      'use this token instead of a random one (16+ letters, digits, - or _); other users can see a command line, so prefer PARALLAX_TOKEN',
    )
    .option('--sample-if-new', 'create the notebook with the sample articles if the folder has none')
    .option(
      '--extension-port <n|off>',
      'where the browser extension connects: a port, or off (default: PARALLAX_EXTENSION_PORT, else the first free of 48217–48221)',
    )
    .action(async (opts: { port: number; token?: string; sampleIfNew?: boolean; extensionPort?: string }, cmd: Command) => {
      if (opts.token !== undefined && !TOKEN_PATTERN.test(opts.token)) {
        throw new CliExit('BAD_INPUT', '--token must be 16 to 128 letters, digits, "-" or "_"', 2);
      }
      const envToken = ctx.io.env.PARALLAX_TOKEN;
      if (envToken !== undefined && !TOKEN_PATTERN.test(envToken)) {
        throw new CliExit('BAD_INPUT', 'PARALLAX_TOKEN must be 16 to 128 letters, digits, "-" or "_"', 2);
      }
      // The HTTP servers (node:http and the API's routes) load when serving, not for every command.
      const { startHttpServer } = await import('../../http/http-server');
      const { parseExtensionPort, startExtensionListener } = await import('../../extension/extension-server');
      const extensionSetting = opts.extensionPort ?? ctx.io.env.PARALLAX_EXTENSION_PORT;
      try {
        parseExtensionPort(extensionSetting);
      } catch (e) {
        throw new CliExit('BAD_INPUT', (e as Error).message, 2);
      }
      let engineLimits;
      try {
        engineLimits = limitsFromEnv(ctx.io.env);
      } catch (e) {
        throw new CliExit('BAD_INPUT', (e as Error).message, 2);
      }
      const dir = resolveNotebookDir(ctx.options(cmd).notebook, ctx.io.env);
      // The server listens while the notebook opens (start-backend.ts); events go to it once it runs.
      const running: { server?: RunningServer } = {};
      const emit: Emit = (event, payload) => running.server?.broadcast(event, payload);
      const starting = await startBackend(dir, {
        create: Boolean(opts.sampleIfNew),
        emit,
        lockAs: 'web mode',
        search: { eager: true, engineLimits },
        dailyBackup: true,
        // A new notebook's sample is in before anything is answered from it.
        open: opts.sampleIfNew ? withSampleIfEmpty : undefined,
      });
      let backend: Backend | undefined;
      let server: RunningServer | undefined;
      let extension: ExtensionServer | null = null;
      try {
        const token = opts.token ?? envToken ?? newToken();
        const staticDir = await findRenderer();
        server = await startHttpServer({ handlers: starting.handlers, token, port: opts.port, staticDir }).catch((e: unknown) => {
          throw listenError(e, opts.port);
        });
        running.server = server;
        // CLI commands run while web mode is open are sent here rather than writing beside it.
        await starting.lock?.publishApi({ url: `http://127.0.0.1:${server.port}`, token });
        // The first line is the URL, alone, so scripts and tests can read it. It carries the token, so it goes
        // to stdout only (the user's terminal), never to stderr or a log.
        ctx.io.out(`${server.url}\n`);
        backend = await starting.ready;
        ctx.io.err(
          `Parallax web mode: notebook ${dir} (${backend.store.size} articles) on ${server.url.replace(/#.*/, '')}, loopback only.\n`,
        );
        if (!staticDir) ctx.io.err('The app is not built (run "npm run build"); only the API is served.\n');
        extension = await startExtensionListener(backend.handlers, backend.pairing, extensionSetting, (line) => ctx.io.err(`${line}\n`));

        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      } finally {
        // Also when the server could not start: the lock is released and the search worker stopped, so the
        // process exits instead of holding the notebook.
        await extension?.close();
        await server?.close();
        if (backend) await backend.close();
        else await starting.ready.then((b) => b.close(), () => undefined);
      }
    });
}
