import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Parallax';

/**
 * The platform's per-user application-data folder, the same one Electron calls `userData`, so the desktop
 * app, web mode and the CLI open the same notebook by default.
 */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

/** `--notebook DIR`, else `PARALLAX_NOTEBOOK`, else `<app data>/notebook`. */
export function resolveNotebookDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag || env.PARALLAX_NOTEBOOK || join(appDataDir(env), 'notebook');
}
