import { Command, CommanderError, Option } from 'commander';
import type { MethodName, MethodOutput, Result } from '../../contract';
// From the modules themselves, not the contract's index: that would build every contract schema at start.
import { MESSAGE_MAX, clip } from '../../contract/errors';
import { readOnlyMethods } from '../../contract/methods';
import { resolveNotebookDir } from '../../services/app-paths';
import type { Access } from './notebook-access';
import { callLocal, withNotebook } from './notebook-access';
import type { CliIo } from './cli-io';
import { CliExit, terminalIo } from './cli-io';
import { commandAndNotebook } from './command-line';
import { registersFor } from './command-groups';

export type GlobalOptions = { notebook?: string; json?: boolean };

/** What every command gets: output, options, and a way to call the API against the chosen notebook. */
/** Call API methods within one command; a failed call ends the command with its error. */
export type Caller = <M extends MethodName>(method: M, payload: unknown) => Promise<MethodOutput<M>>;

/** What every command gets: output, options, and a way to call the API against the chosen notebook. */
export type CommandContext = {
  io: CliIo;
  options: (cmd: Command) => GlobalOptions;
  notebookDir: (cmd: Command) => string;
  /** Several calls against the notebook, locally or through the process that has it open (see notebook-access.ts). */
  session: <T>(cmd: Command, access: Access, fn: (call: Caller) => Promise<T>) => Promise<T>;
  /** One call: read commands open beside a writer, write commands take the lock or go through the app. */
  call: <M extends MethodName>(cmd: Command, method: M, payload: unknown, access?: Partial<Access>) => Promise<MethodOutput<M>>;
  print: (cmd: Command, value: unknown, human: string) => void;
  /** A command that finished but partly failed (some files not imported) exits non-zero after printing. */
  setExitCode: (code: number) => void;
};

const unwrap =
  (raw: (method: MethodName, payload: unknown) => Promise<Result<unknown>>): Caller =>
  async (method, payload) => {
    const result = await raw(method, payload);
    if (!result.ok) throw new CliExit(result.error.code, result.error.message);
    return result.value as MethodOutput<typeof method>;
  };

export function addGlobalOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--notebook <dir>', 'notebook folder (default: $PARALLAX_NOTEBOOK, else the app-data folder)'))
    .addOption(new Option('--json', 'print JSON on stdout'));
}

/**
 * The CLI's commands over `terminal`; every line they print goes through `terminalIo`. Only the commands
 * `argv` runs are built (command-groups.ts); a command line naming none builds them all.
 */
export async function buildProgram(
  terminal: CliIo,
  argv: readonly string[],
): Promise<{ program: Command; ctx: CommandContext; io: CliIo; exitCode: () => number }> {
  const io = terminalIo(terminal);
  let exitCode = 0;
  const program = addGlobalOptions(new Command('parallax'))
    .description('Parallax: read one event across many outlets. Offline research notebook.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Start with a notebook of five sample articles, then use the ids "parallax list" prints (each notebook has its own):
  parallax init --sample --notebook ~/notebooks/ankara
  parallax list --notebook ~/notebooks/ankara
  parallax search '"defence minister"' --notebook ~/notebooks/ankara
  parallax compare <id> <id> --table conflicts --notebook ~/notebooks/ankara
In the app (npm start, or parallax serve for web mode), "Paste as new article…" imports pasted text.`,
    )
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined })
    .exitOverride();

  const options = (cmd: Command) => cmd.optsWithGlobals<GlobalOptions>();
  const notebookDir = (cmd: Command) => resolveNotebookDir(options(cmd).notebook, io.env);
  const session: CommandContext['session'] = (cmd, access, fn) =>
    withNotebook(
      notebookDir(cmd),
      { onNotice: (text) => io.err(`parallax: ${text}\n`), ...access },
      (backend) => fn(unwrap(callLocal(backend))),
      (remote) => fn(unwrap(remote)),
    );
  const ctx: CommandContext = {
    io,
    options,
    notebookDir,
    session,
    call: (cmd, method, payload, access) =>
      session(cmd, { write: !readOnlyMethods.has(method), holder: `parallax ${cmd.name()}`, ...access }, (call) => call(method, payload)),
    print: (cmd, value, human) => io.out(options(cmd).json ? `${JSON.stringify(value, null, 2)}\n` : human),
    setExitCode: (code) => {
      exitCode = code;
    },
  };

  for (const register of await registersFor(commandAndNotebook(argv).command)) register(program, ctx);
  const configure = (c: Command): void => {
    c.configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => undefined }).exitOverride();
    c.commands.forEach(configure);
  };
  program.commands.forEach(configure);
  return { program, ctx, io, exitCode: () => exitCode };
}

/** Run the CLI; resolves to the process exit code. Never throws. */
export async function runCli(argv: string[], terminal: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  const { program, io, exitCode } = await buildProgram(terminal, argv);
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

/** The one place the CLI prints an error; a message echoing a huge argument is cut like the API's. */
function report(io: CliIo, json: boolean, code: string, full: string, exitCode: number): number {
  const message = clip(full, MESSAGE_MAX);
  io.err(`parallax: ${message}\n`);
  if (json) io.out(`${JSON.stringify({ error: { code, message } })}\n`);
  return exitCode;
}
