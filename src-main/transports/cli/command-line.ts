/**
 * The command and the `--notebook` value of a command line, read as commander would for these two. Kept
 * free of imports: the launcher's prestart and the CLI's command loader both read it before anything else.
 */
export function commandAndNotebook(argv: readonly string[]): { command: string | null; notebook: string | undefined } {
  let command: string | null = null;
  let notebook: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (arg === '--notebook') notebook = argv[++i];
    else if (arg.startsWith('--notebook=')) notebook = arg.slice('--notebook='.length);
    else if (!arg.startsWith('-') && command === null) command = arg;
  }
  return { command, notebook };
}
