import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. Kept apart from main.ts so a test can assert every security setting without
 * starting Electron: renderer isolated from Node, sandboxed, no Node integration anywhere, no webviews.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 880,
    minHeight: 560,
    title: 'Parallax',
    show: false,
    backgroundColor: '#f7f6f3',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Chromium's spellchecker downloads its dictionaries from Google's servers; Parallax stays offline.
      spellcheck: false,
    },
  };
}

/** The app is served from this private scheme, never file://, so 'self' in the CSP means only the app. */
export const APP_SCHEME = 'parallax';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const IPC_INVOKE = 'parallax:invoke';
export const IPC_EVENT = 'parallax:event';
