import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { chromiumPdfRenderer, findChromium } from './pdf-chromium';

const tempDir = useTempDirs();
const REPORT = '<!doctype html><meta charset="utf-8"><title>r</title><p>Report</p>';

describe('PDF through Chromium', () => {
  it('finds a Chromium installed while the app runs, at the next export, without a restart', async () => {
    let installed: string | null = null;
    const pdf = chromiumPdfRenderer(() => installed);
    await expect(pdf(REPORT)).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/needs Chromium/) });
    installed = findChromium();
    expect(installed, 'this check needs Chromium (apt-get install -y chromium; .ci/run does this)').not.toBeNull();
    const bytes = await pdf(REPORT);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('says why printing failed: the program gone, or what it printed', async () => {
    const dir = tempDir();
    const fake = join(dir, 'chrome');
    writeFileSync(fake, '#!/bin/sh\necho "starting" >&2\necho "Missing X server or $DISPLAY" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    let at = fake;
    const pdf = chromiumPdfRenderer(() => at);
    await expect(pdf(REPORT)).rejects.toMatchObject({
      code: 'IO_ERROR',
      message: expect.stringMatching(new RegExp(`^${fake} could not print the PDF: starting Missing X server`)),
    });
    rmSync(fake);
    expect(existsSync(fake)).toBe(false);
    at = fake; // found a moment ago, gone now
    await expect(pdf(REPORT)).rejects.toMatchObject({ message: expect.stringMatching(/no longer there/) });
  });
});
