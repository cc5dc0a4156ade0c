import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import type { PdfRenderer } from '../../services/export/pdf-chromium';

/**
 * PDF on the desktop: the HTML report is loaded into a hidden, sandboxed window with JavaScript off and
 * printed with Chromium's own printToPDF (no second browser needed). The report is written to a private
 * temp file first because data: URLs of large reports exceed Chromium's URL limit.
 */
export const electronPdfRenderer: PdfRenderer = async (html) => {
  const file = join(tmpdir(), `parallax-report-${randomBytes(6).toString('hex')}.html`);
  await writeFile(file, html, { mode: 0o600 });
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false, webSecurity: true },
  });
  try {
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (e) => e.preventDefault());
    await win.loadFile(file);
    return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true });
  } finally {
    win.destroy();
    await rm(file, { force: true });
  }
};
