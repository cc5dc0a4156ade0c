import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { AppError, clipPath } from '../../contract';
import { importableArticleExtensions } from './formats/analyse-source';

/**
 * File types a folder import picks up (articles as text, saved web pages and Markdown; W3C annotation files);
 * a file named explicitly is tried whatever its extension.
 */
export const importableExtensions = new Set([...importableArticleExtensions, '.jsonld', '.jsonl']);
export const MAX_FILES_PER_IMPORT = 200_000;

export type WalkResult = { files: string[]; skipped: Array<{ file: string; code: string; message: string }> };

/**
 * Expand the paths a user gave into files: folders recursively (hidden entries and unknown types skipped,
 * and reported), files as given. Iterative, so a deep tree cannot overflow the stack.
 */
export async function walkPaths(paths: string[]): Promise<WalkResult> {
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  for (const p of paths) {
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      files.push(p); // reading it will report exactly why it is unreadable
      continue;
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    const stack = [p];
    while (stack.length) {
      const dir = stack.shift()!;
      let names;
      try {
        names = await readdir(dir, { withFileTypes: true });
      } catch (e) {
        skipped.push({ file: dir, code: 'UNREADABLE', message: `${dir} cannot be listed: ${(e as Error).message}` });
        continue;
      }
      names.sort((a, b) => a.name.localeCompare(b.name));
      for (const d of names) {
        if (d.name.startsWith('.')) continue;
        const full = join(dir, d.name);
        if (d.isDirectory()) stack.push(full);
        else if (importableExtensions.has(extname(d.name).toLowerCase())) files.push(full);
        else
          skipped.push({
            file: full,
            code: 'UNSUPPORTED',
            message: `${clipPath(full)} was skipped: Parallax imports .txt, .html, .md and .jsonld files from folders`,
          });
        if (files.length > MAX_FILES_PER_IMPORT) {
          throw new AppError('TOO_MANY_FILES', `${clipPath(p)} holds more than ${MAX_FILES_PER_IMPORT} files; import it in parts`);
        }
      }
    }
  }
  return { files, skipped };
}
