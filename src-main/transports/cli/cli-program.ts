import { Command, CommanderError, Option } from 'commander';
import type { Emit, MethodName, MethodOutput } from '../../contract';
import { openBackend } from '../../services/backend';
import type { Backend } from '../../services/backend';
import { resolveNotebookDir } from '../../services/app-paths';
import { dispatch } from '../shared/dispatch';
import type { CliIo } from './cli-io';
import { CliExit } from './cli-io';
import { registerArticleCommands } from './commands/article-commands';
import { registerExportCommands } from './commands/export-commands';
import { registerServeCommand } from './commands/serve-command';

export type GlobalOptions = { notebook?: string; json?: boolean };

/** What every command gets: output, options, and a way to call the API against the chosen notebook. */
export type CommandContext = {
  io: CliIo;
  options: (cmd: Command) => GlobalOptions;
  /** Open the notebook, call one API method through the same dispatcher as IPC and HTTP, close. */
  call: <M extends MethodName>(cmd: Command, method: M, payload: unknown, open?: { create?: boolean }) => Promise<MethodOutput<M>>;
  withBackend: <T>(cmd: Command, fn: (b: Backend, dir: string) => Promise<T>, open?: { create?: boolean; emit?: Emit }) => Promise<T>;
  print: (cmd: Command, value: unknown, human: string) => void;
  /** A command that finished but partly failed (some files not imported) exits non-zero after printing. */
  setExitCode: (code: number) => void;
};

export function addGlobalOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--notebook <dir>', 'notebook folder (default: $PARALLAX_NOTEBOOK, else the app-data folder)'))
    .addOption(new Option('--json', 'print JSON on stdout'));
}

export function buildProgram(io: CliIo): { program: Command; ctx: CommandContext; exitCode: () => number } {
  let exitCode = 0;
  const program = addGlobalOptions(new Command('parallax'))
    .description('Parallax: read one event across many outlets. Offline research notebook.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .exitOverride();

  const options = (cmd: Command) => cmd.optsWithGlobals<GlobalOptions>();
  const withBackend: CommandContext['withBackend'] = async (cmd, fn, open) => {
    const dir = resolveNotebookDir(options(cmd).notebook, io.env);
    const backend = await openBackend(dir, { create: open?.create ?? false, emit: open?.emit });
    try {
      return await fn(backend, dir);
    } finally {
      await backend.close();
    }
  };
  const ctx: CommandContext = {
    io,
    options,
    withBackend,
    call: (cmd, method, payload, open) =>
      withBackend(
        cmd,
        async (b) => {
          const result = await dispatch(b.handlers, method, payload);
          if (!result.ok) throw new CliExit(result.error.code, result.error.message);
          return result.value as MethodOutput<typeof method>;
        },
        open,
      ),
    print: (cmd, value, human) => io.out(options(cmd).json ? `${JSON.stringify(value, null, 2)}\n` : human),
    setExitCode: (code) => {
      exitCode = code;
    },
  };

  registerArticleCommands(program, ctx);
  registerServeCommand(program, ctx);
  registerExportCommands(program, ctx);
  program.commands.forEach((c) => {
    c.configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined }).exitOverride();
  });
  return { program, ctx, exitCode: () => exitCode };
}

/** Run the CLI; resolves to the process exit code. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  const { program, exitCode } = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode();
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return report(io, wantsJson, 'BAD_INPUT', e.message.replace(/^error: /, ''), 2);
    }
    if (e instanceof CliExit) return report(io, wantsJson, e.code, e.message, e.exitCode);
    const err = e as { code?: unknown; name?: string; message?: string };
    if (err.name === 'AppError' && typeof err.code === 'string') return report(io, wantsJson, err.code, err.message ?? '', 1);
    return report(io, wantsJson, 'INTERNAL', err.message ?? String(e), 1);
  }
}

function report(io: CliIo, json: boolean, code: string, message: string, exitCode: number): number {
  io.err(`parallax: ${message}\n`);
  if (json) io.out(`${JSON.stringify({ error: { code, message } })}\n`);
  return exitCode;
}
