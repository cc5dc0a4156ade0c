import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo } from '../../contract';
import type { BackupProgress } from './backup-archive';

/** Daily backups kept in <notebook>/backups/; older ones are deleted. Backups taken before a migration are never deleted. */
export const KEEP_DAILY = 7;
const DAY_MS = 24 * 60 * 60 * 1000;
const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

export type BackupKind = 'daily' | 'manual' | 'before-migration';

export async function takeBackup(root: string, kind: BackupKind, label = '', onProgress?: BackupProgress): Promise<BackupInfo> {
  const createdAt = new Date();
  const path = join(root, 'backups', `${kind}${label ? `-${label}` : ''}-${stamp(createdAt)}.zip`);
  // The archive writer (fflate) loads when a backup is taken, not with every notebook that could take one.
  const { createBackup } = await import('./backup-archive');
  const { files, bytes } = await createBackup(root, path, onProgress);
  return { path, files, bytes, createdAt: createdAt.toISOString() };
}

export async function listBackups(root: string): Promise<BackupInfo[]> {
  const dir = join(root, 'backups');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    // No folder means no backups yet; any other failure (out of file handles, permissions) is not "none".
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const out: BackupInfo[] = [];
  for (const name of names.filter((n) => n.endsWith('.zip')).sort()) {
    const s = await stat(join(dir, name));
    out.push({ path: join(dir, name), files: 0, bytes: s.size, createdAt: s.mtime.toISOString() });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Take a daily backup when the newest backup of any kind is older than a day (or there is none), then keep
 * only the newest `keep` daily ones. Returns the new backup, or null when none was due.
 */
export async function ensureDailyBackup(root: string, now = new Date(), keep = KEEP_DAILY): Promise<BackupInfo | null> {
  const existing = await listBackups(root);
  const newest = existing[0];
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAY_MS) return null;
  const info = await takeBackup(root, 'daily');
  await pruneDaily(root, keep);
  return info;
}

export async function pruneDaily(root: string, keep = KEEP_DAILY): Promise<string[]> {
  const daily = (await listBackups(root)).filter((b) => /[\\/]daily-[^\\/]+\.zip$/.test(b.path));
  const removed = daily.slice(keep).map((b) => b.path);
  for (const p of removed) await rm(p, { force: true });
  return removed;
}
