import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError, clip } from '../../contract';

/** Turns the self-contained HTML report into PDF bytes. The desktop app injects Electron's printToPDF. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>;

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const p of [env.PARALLAX_CHROMIUM, env.CHROME_PATH, ...CANDIDATES]) if (p && existsSync(p)) return p;
  return null;
}

/**
 * PDF through headless Chromium (web mode and CLI): the report is written to a private temp folder and
 * printed with scripts off; the browser gets its own throwaway profile and no network is needed.
 */
export function chromiumPdfRenderer(executable = findChromium(), timeoutMs = 120_000): PdfRenderer {
  return async (html) => {
    if (!executable) {
      throw new AppError(
        'UNSUPPORTED',
        'PDF export needs Chromium or Google Chrome (set PARALLAX_CHROMIUM to its path), or export HTML and print it to PDF from your browser',
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'parallax-pdf-'));
    try {
      const input = join(dir, 'report.html');
      const output = join(dir, 'report.pdf');
      await writeFile(input, html);
      const args = [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-extensions',
        '--disable-javascript',
        '--no-first-run',
        // The report is self-contained: Chromium must not reach the network for anything of its own.
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-pdf-header-footer',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${output}`,
        pathToFileURL(input).href,
      ];
      await new Promise<void>((resolve, reject) => {
        execFile(executable, args, { timeout: timeoutMs, maxBuffer: 4 << 20 }, (err, _out, stderr) => {
          if (err) reject(new AppError('IO_ERROR', `Chromium could not print the PDF: ${clip((stderr || err.message).toString(), 300)}`));
          else resolve();
        });
      });
      const pdf = await readFile(output).catch(() => null);
      if (!pdf || pdf.subarray(0, 5).toString() !== '%PDF-') throw new AppError('IO_ERROR', 'Chromium did not produce a PDF');
      return pdf;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
