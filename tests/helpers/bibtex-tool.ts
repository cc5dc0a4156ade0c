import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether the classic `bibtex` program is installed (Debian's texlive-binaries); CI machines may lack it. */
export const hasBibtex = spawnSync('bibtex', ['--version']).status === 0;

/**
 * Run `bibtex` over a .bib file, citing every entry with the plain style, and return its exit status and
 * what it printed. It exits 1 for warnings (a missing author is one) and 2 for errors (a repeated key).
 */
export function runBibtex(bib: string): { status: number | null; stdout: string } {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bibtex-'));
  try {
    writeFileSync(join(dir, 'refs.bib'), bib);
    writeFileSync(join(dir, 'paper.aux'), '\\citation{*}\n\\bibstyle{plain}\n\\bibdata{refs}\n');
    const run = spawnSync('bibtex', ['paper'], { cwd: dir, encoding: 'utf8', timeout: 20_000 });
    return { status: run.status, stdout: run.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
