import { describe, expect, it } from 'vitest';
import { appDataDir, resolveNotebookDir } from './app-paths';

describe('where the notebook lives', () => {
  it('uses the platform app-data folder, as Electron does', () => {
    expect(appDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Parallax');
    expect(appDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ana')).toBe('/xdg/Parallax');
    expect(appDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Parallax');
    expect(appDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toMatch(/AppData.Roaming.Parallax$/);
  });
  it('prefers --notebook, then PARALLAX_NOTEBOOK, then the default', () => {
    expect(resolveNotebookDir('/flag', { PARALLAX_NOTEBOOK: '/env' })).toBe('/flag');
    expect(resolveNotebookDir(undefined, { PARALLAX_NOTEBOOK: '/env' })).toBe('/env');
    expect(resolveNotebookDir(undefined, { XDG_CONFIG_HOME: '/xdg' })).toMatch(/^\/xdg\/Parallax\/notebook$|Parallax.notebook$/);
  });
});
