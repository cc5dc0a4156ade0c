import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { AnchorCounts } from '../../../contract';
import type { CommandContext } from '../cli-program';
import { addGlobalOptions } from '../cli-program';

const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "2 annotations kept, 1 moved, 0 orphaned": the same words the reader shows after an edit. */
export const describeAnchors = (c: AnchorCounts) =>
  `${n(c.ok + c.drifted + c.orphaned, 'annotation')}: ${c.ok} kept, ${c.drifted} moved (drifted), ${c.orphaned} orphaned`;

/** `reimport`: replace an article's text with a corrected copy of its file; its annotations re-anchor. */
export function registerReimportCommand(program: Command, ctx: CommandContext): void {
  addGlobalOptions(program.command('reimport'))
    .description("replace an article's text with a corrected file (UTF-8, UTF-16 or Windows-1252); annotations re-anchor")
    .argument('<id>', 'article id, as "parallax list" prints it (ids are made at import: every notebook has its own)')
    .argument('<file>', 'the corrected copy (.txt, .md or .html)')
    .addHelpText(
      'after',
      '\nTags, metadata corrections and annotations are kept. Each annotation is found again in the new text:\n' +
        'kept (same place), moved (drifted: found nearby or slightly changed; worth a look) or orphaned (its\n' +
        'passage is gone; kept with its quote). A file whose text is another article of the notebook is refused.\n',
    )
    .action(async (id: string, file: string, _opts: unknown, cmd: Command) => {
      const path = resolve(file);
      // Read and decode as "parallax import" does: same limits, same encoding detection, same errors.
      // The importer's decoders (chardet, iconv-lite) load for this command only.
      const { readImportFile } = await import('../../../services/importer/read-import-file');
      const { text, encoding } = await readImportFile(path);
      const r = await ctx.call(cmd, 'articles.replaceText', { id, source: 'reimport', raw: text, file: path, encoding });
      const summary = { id: r.id, title: r.article.title, file: path, encoding, changed: r.changed, annotations: r.annotations };
      const what = r.changed ? `Text replaced from ${path} (${encoding})` : `Text unchanged (${path} holds the same text)`;
      ctx.print(cmd, summary, `${r.id}  ${r.article.title}\n  ${what}\n  ${describeAnchors(r.annotations)}\n`);
    });
}
