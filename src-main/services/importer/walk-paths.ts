import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { AppError, clipPath } from '../../contract/errors';
import { importableArticleExtensions } from './formats/article-formats';

/**
 * File types a folder import picks up (articles as text, saved web pages and Markdown; W3C annotation files);
 * a file named explicitly is tried whatever its extension.
 */
export const importableExtensions = new Set([...importableArticleExtensions, '.jsonld', '.jsonl']);
export const MAX_FILES_PER_IMPORT = 200_000;

export type WalkResult = { files: string[]; skipped: Array<{ file: string; code: string; message: string }> };

const isInside = (real: string, root: string) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);

type Link = { kind: 'file' | 'folder'; real: string } | { kind: 'outside'; target: string } | { kind: 'broken' };

/**
 * Where a symbolic link found in a folder leads, judged by its real path: a link whose target lies outside
 * the folder being imported is never followed (a folder of articles must not read `~/.ssh` or `/etc` on
 * anyone's behalf). A broken link inside the folder is kept as a file, so reading it says why it failed.
 */
async function followLink(link: string, root: string): Promise<Link> {
  let real: string;
  try {
    real = await realpath(link);
  } catch {
    const target = resolve(dirname(link), await readlink(link).catch(() => ''));
    return isInside(target, root) ? { kind: 'broken' } : { kind: 'outside', target };
  }
  if (!isInside(real, root)) return { kind: 'outside', target: real };
  try {
    return { kind: (await stat(real)).isDirectory() ? 'folder' : 'file', real };
  } catch {
    return { kind: 'broken' };
  }
}

/**
 * Expand the paths a user gave into files: folders recursively (hidden entries and unknown types skipped,
 * and reported), files as given. Iterative, so a deep tree cannot overflow the stack. Inside a folder, a
 * symbolic link is followed only when its target is inside that folder too, and each real folder is walked
 * once (a link back to a parent is a loop, not more files). A file or folder the user named is read as
 * named, link or not: that is their own choice.
 */
export async function walkPaths(paths: string[]): Promise<WalkResult> {
  const files: string[] = [];
  const skipped: WalkResult['skipped'] = [];
  for (const p of paths) {
    let isDir: boolean;
    let root: string;
    try {
      isDir = (await stat(p)).isDirectory();
      root = await realpath(p);
    } catch {
      files.push(p); // reading it will report exactly why it is unreadable
      continue;
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    const walked = new Set<string>([root]);
    const stack = [{ dir: p, real: root }];
    while (stack.length) {
      const { dir, real } = stack.shift()!;
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
        let kind: 'file' | 'folder' = d.isDirectory() ? 'folder' : 'file';
        let realPath = join(real, d.name);
        if (d.isSymbolicLink()) {
          const link = await followLink(full, root);
          if (link.kind === 'outside') {
            skipped.push({
              file: full,
              code: 'FORBIDDEN',
              message: `${full} was skipped: it is a link to ${link.target}, outside the folder being imported`,
            });
            continue;
          }
          if (link.kind !== 'broken') [kind, realPath] = [link.kind, link.real];
        }
        if (kind === 'folder') {
          if (walked.has(realPath)) {
            // A plain folder reached already through a link to it: its files are listed once, under the link.
            if (!d.isSymbolicLink()) continue;
            skipped.push({
              file: full,
              code: 'UNSUPPORTED',
              message: `${full} was skipped: it is a link to ${realPath}, a folder this import already reads`,
            });
            continue;
          }
          walked.add(realPath);
          stack.push({ dir: full, real: realPath });
        } else if (importableExtensions.has(extname(d.name).toLowerCase())) files.push(full);
        else
          skipped.push({
            file: full,
            code: 'UNSUPPORTED',
            message: `${clipPath(full)} was skipped: Parallax imports .txt, .html, .md, .pdf and .jsonld files from folders`,
          });
        if (files.length > MAX_FILES_PER_IMPORT) {
          throw new AppError('TOO_MANY_FILES', `${clipPath(p)} holds more than ${MAX_FILES_PER_IMPORT} files; import it in parts`);
        }
      }
    }
  }
  return { files, skipped };
}
