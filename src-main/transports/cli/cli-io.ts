/** Where the CLI writes, so tests can run it in-process and read what it printed. */
export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
};

/**
 * Characters a terminal acts on instead of showing: C0 controls other than tab and line feed (ESC starts
 * CSI colours, OSC 8 hyperlinks and OSC 52 clipboard writes; BEL, backspace and carriage return rewrite what
 * is shown), DEL, the C1 controls (U+009B is a one-byte CSI in many terminals) and the bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text read in another order than it is.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\b': '\\b', '\f': '\\f', '\r': '\\r' };

/**
 * Text with every such character shown as a visible escape (`\u001b`, `\r`, `\u202e`). The escapes are
 * JSON's own, so the same pass keeps `--json` output valid JSON with exactly the same values: there it
 * only touches C1 and bidi characters, which JSON.stringify leaves raw.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The one door to the terminal: everything the CLI prints (human lines, JSON, errors, help) goes through
 * here, so a title, file name, tag or message from the notebook can never drive the terminal.
 */
export const terminalIo = (io: CliIo): CliIo => ({
  out: (t) => io.out(terminalSafe(t)),
  err: (t) => io.err(terminalSafe(t)),
  env: io.env,
});

export const processIo = (): CliIo => ({
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
});

/** An error that ends the command with a message and an exit code (2 for usage errors, 1 otherwise). */
export class CliExit extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
