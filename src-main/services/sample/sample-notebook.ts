import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../contract/errors';
import type { ImportSource } from '../importer/import-articles';
import { readImportFile } from '../importer/read-import-file';
import { pathExists } from '../path-exists';

export type SampleManifest = {
  format: 'parallax-sample';
  version: number;
  name: string;
  story?: { name: string };
  articles: Array<{ file: string }>;
};

/**
 * Where `resources/` is: next to the app when packaged (Electron sets process.resourcesPath), otherwise the
 * repository root found by walking up from this module (src-main/... in tests, out/main/... when built).
 */
export async function resourcesDir(): Promise<string> {
  const packaged = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [process.env.PARALLAX_RESOURCES, packaged && join(packaged, 'resources')].filter(Boolean) as string[];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) candidates.push(join(dir, 'resources'));
  for (const c of candidates) {
    if (await pathExists(join(c, 'sample', 'manifest.json'))) return resolve(c);
  }
  throw new AppError('NOT_FOUND', 'The sample notebook (resources/sample) is missing from this installation');
}

export async function loadSample(): Promise<{ manifest: SampleManifest; sources: ImportSource[] }> {
  const dir = join(await resourcesDir(), 'sample');
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as SampleManifest;
  const sources = manifest.articles.map((a) => ({ file: a.file, load: () => readImportFile(join(dir, a.file)) }));
  return { manifest, sources };
}
