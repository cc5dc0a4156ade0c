import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError, clip } from '../../contract/errors';

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

/** Why Chromium failed, in words: not startable, killed by the time limit, or what it printed last. */
function printFailure(
  err: { code?: string | number | null; killed?: boolean; signal?: string | null; message: string },
  stderr: string | Buffer,
  timeoutMs: number,
): string {
  if (err.code === 'ENOENT') return 'the program is no longer there (was it uninstalled or moved?)';
  if (err.code === 'EACCES') return 'the program cannot be run (permission denied)';
  if (err.killed || err.signal) return `it did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped`;
  const said = stderr.toString().trim().split('\n').filter(Boolean).slice(-3).join(' ');
  return clip(said || err.message, 300);
}

/**
 * PDF through headless Chromium (web mode and CLI): the report is written to a private temp folder and
 * printed with scripts off; the browser gets its own throwaway profile and no network is needed.
 */
export function chromiumPdfRenderer(locate: () => string | null = findChromium, timeoutMs = 120_000): PdfRenderer {
  return async (html) => {
    // Looked for at each export, not once at start: Chromium installed while the app runs is found at once.
    const executable = locate();
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
          if (err) reject(new AppError('IO_ERROR', `${executable} could not print the PDF: ${printFailure(err, stderr, timeoutMs)}`));
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
