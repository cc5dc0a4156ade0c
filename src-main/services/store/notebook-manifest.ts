import { mkdir, readdir, rm } from 'node:fs/promises';
import { AppError, isAppError } from '../../contract/errors';
import type { Durability } from './durable-json-file';
import { readJsonFile, writeFileAtomic } from './durable-json-file';
import { migrate } from './migrations';
import type { Layout, NotebookManifest } from './notebook-layout';
import { FORMAT, SCHEMA_VERSION } from './notebook-layout';
import { keepDamagedCopy, repairStamp } from './repair';
import { NotebookManifestShape, firstIssue } from './stored-shapes';
import { pathExists } from '../path-exists';

/**
 * Opening a notebook folder, before its catalog is read: notebook.json found, put right or created, the
 * folders made, temp files of a killed process removed, an older format migrated. What the catalog and the
 * write path do after that is notebook-store.ts's.
 */

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    // The lock file is ours: a folder holding only it is still an empty folder to create a notebook in.
    return (await readdir(dir)).filter((n) => n !== 'notebook.lock').length === 0;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw e;
  }
}

/** notebook.json: absent, sound, or damaged (with what is wrong). A foreign file under that name is refused. */
async function readManifest(l: Layout): Promise<{ manifest: NotebookManifest | null; problem: string | null }> {
  let raw: unknown;
  try {
    raw = await readJsonFile<unknown>(l.manifest);
  } catch (e) {
    if (isAppError(e) && e.code === 'CORRUPT') return { manifest: null, problem: 'it does not parse as JSON' };
    throw e; // cannot be read: not damage, reported as it is
  }
  if (raw === null) return { manifest: null, problem: null };
  const format = (raw as { format?: unknown }).format;
  if (typeof format === 'string' && format !== FORMAT) throw new AppError('CORRUPT', `${l.manifest} is not a Parallax notebook manifest`);
  const parsed = NotebookManifestShape.safeParse(raw);
  if (!parsed.success || format !== FORMAT)
    return { manifest: null, problem: parsed.success ? 'it names no format' : firstIssue(parsed.error) };
  return { manifest: raw as NotebookManifest, problem: null };
}

export type ManifestOptions = { create?: boolean; readerOnly?: boolean; durability: Durability };
/** The notebook's manifest as opened, and what the user is told about putting it right (or null). */
export type OpenedManifest = { manifest: NotebookManifest; notice: string | null };

/**
 * The manifest of the notebook at `root`, ready for its catalog to be read. A reader (`readerOnly`) changes
 * nothing on disk and refuses a notebook that needs upgrading; a writer creates, repairs and migrates.
 */
export async function openManifest(root: string, l: Layout, opts: ManifestOptions): Promise<OpenedManifest> {
  const { durability } = opts;
  const read = await readManifest(l);
  let manifest = read.manifest;
  let notice: string | null = null;
  const legacy = !manifest && !read.problem && (await pathExists(`${root}/db.json`));
  if (!manifest && !legacy && (await pathExists(l.catalogDir)) && (await pathExists(l.articlesDir))) {
    // The folder is plainly a notebook (catalog and articles are there): a missing or damaged manifest is
    // small damage, put right (the damaged one kept) instead of refusing the notebook.
    const what = read.problem ? `was damaged (${read.problem})` : 'was missing';
    manifest = { format: FORMAT, schemaVersion: SCHEMA_VERSION, createdAt: new Date().toISOString() };
    if (opts.readerOnly) {
      notice = `notebook.json ${what}; the notebook was read as the current format, and opening it for writing rewrites the file.`;
    } else {
      const kept = read.problem ? await keepDamagedCopy(l, l.manifest, repairStamp(), durability) : null;
      await mkdir(l.tmp, { recursive: true });
      await writeFileAtomic(l.manifest, JSON.stringify(manifest, null, 2), l.tmp, durability);
      notice = `notebook.json ${what} and has been rewritten${kept ? ` (the damaged file is kept at ${kept})` : ''}.`;
    }
  } else if (read.problem) {
    throw new AppError('CORRUPT', `${l.manifest} is damaged (${read.problem}); it was left untouched`);
  }
  if (!manifest && !legacy) {
    if (!opts.create)
      throw new AppError('NOT_FOUND', `No Parallax notebook at ${root}. Create one with "parallax init --notebook ${root}".`);
    if (!(await isEmptyDir(root))) {
      throw new AppError('CONFLICT', `${root} is not empty and is not a Parallax notebook; choose an empty or new folder`);
    }
  }
  if (opts.readerOnly) {
    if (!manifest) throw new AppError('NOT_FOUND', `No Parallax notebook at ${root}`);
    if (manifest.schemaVersion !== SCHEMA_VERSION) {
      throw new AppError('CONFLICT', `The notebook at ${root} needs upgrading (schema ${manifest.schemaVersion}); open it for writing first`);
    }
    return { manifest, notice };
  }
  await Promise.all([l.catalogDir, l.articlesDir, l.tmp].map((d) => mkdir(d, { recursive: true })));
  // Temp files are only ever in flight inside one write; any found now were left by a killed process.
  await rm(l.tmp, { recursive: true, force: true });
  await mkdir(l.tmp, { recursive: true });

  if (!manifest) {
    manifest = { format: FORMAT, schemaVersion: legacy ? 0 : SCHEMA_VERSION, createdAt: new Date().toISOString() };
    if (!legacy) await writeFileAtomic(l.manifest, JSON.stringify(manifest, null, 2), l.tmp, durability);
  }
  if (manifest.schemaVersion > SCHEMA_VERSION) {
    throw new AppError('CONFLICT', `This notebook was written by a newer Parallax (schema ${manifest.schemaVersion}); update Parallax to open it`);
  }
  if (manifest.schemaVersion < SCHEMA_VERSION) manifest = await migrate(l, manifest, SCHEMA_VERSION, durability);
  return { manifest, notice };
}
