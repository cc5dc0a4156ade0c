import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleDir, seedFiles } from '../unit/seed-articles';

/**
 * Articles that make the comparison work hard, built from the five seeds so they exist on every machine:
 * the seeds' paragraphs repeated (each copy numbered, `tag` telling two such articles apart) to about
 * `bytes`, so every sentence has dozens of near-copies in the other article.
 */
export function repeatedSeeds(tag: string, bytes: number): string {
  const paras = seedFiles.flatMap((f) =>
    readFileSync(join(sampleDir, f), 'utf8')
      .split(/\n\n+/)
      .slice(1)
      .map((p) => p.trim())
      .filter(Boolean),
  );
  const out: string[] = [`Seeds repeated (${tag})`];
  for (let copy = 0, size = 0; size < bytes; copy++)
    for (const p of paras) {
      const para = `${p} (${tag} ${copy})`;
      out.push(para);
      size += para.length + 2;
    }
  return `${out.join('\n\n')}\n`;
}

/**
 * One line of about 5 MB: two Chinese characters, then one run of five million letters (a blob pasted as
 * text). The importer takes it (the Chinese make it count words with the segmenter); V8's regular
 * expressions overflow the stack on such a run.
 */
export function oneLineBlob(): string {
  return `中文 ${Array.from({ length: 4_990_000 }, (_, i) => String.fromCharCode(97 + ((i * 7919) % 26))).join('')}`;
}
