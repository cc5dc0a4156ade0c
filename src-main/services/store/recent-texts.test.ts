import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { RecentTexts } from './recent-texts';

const tempDir = useTempDirs();

describe('RecentTexts', () => {
  it('gives a kept text back while the file is unchanged, and never a stale one', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.json');
    writeFileSync(file, '{"v":1}');
    const texts = new RecentTexts(2);
    await texts.keep(file, '{"v":1}');
    expect(await texts.get(file)).toBe('{"v":1}');
    // Same size, another modification time: changed behind our back.
    writeFileSync(file, '{"v":2}');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect(await texts.get(file)).toBeUndefined();
    await texts.keep(file, '{"v":2}');
    expect(await texts.get(file)).toBe('{"v":2}');
    texts.forget(file);
    expect(await texts.get(file)).toBeUndefined();
    await texts.keep(file, '{"v":2}');
    rmSync(file);
    expect(await texts.get(file)).toBeUndefined();
    expect(await texts.get(join(dir, 'never.json'))).toBeUndefined();
  });

  it('keeps only the last `capacity` files', async () => {
    const dir = tempDir();
    const texts = new RecentTexts(2);
    const files = ['a', 'b', 'c'].map((n) => join(dir, n));
    for (const f of files) {
      writeFileSync(f, f);
      await texts.keep(f, f);
    }
    expect(await texts.get(files[0]!)).toBeUndefined();
    expect(await texts.get(files[1]!)).toBe(files[1]);
    expect(await texts.get(files[2]!)).toBe(files[2]);
  });
});
