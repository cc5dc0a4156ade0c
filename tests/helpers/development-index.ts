import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { decodeFlexKey } from '../../src-main/services/search/flex-binary';

type Manifest = { flexKeys: string[]; files: Array<{ name: string; bytes: number; crc32?: number; sha1?: string }> };

/**
 * Rewrite a saved search index (`<notebook>/index/`) into a layout that only existed while 0.1.0 was being
 * developed, as those builds wrote it: flexsearch's keys as JSON in `flex-NNN.json`, or every file's checksum
 * as SHA-1 instead of CRC-32. No release reads these; a test checks they are rebuilt, not misread.
 */
export function toDevelopmentLayout(dir: string, layout: 'json-keys' | 'sha1'): void {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  if (layout === 'json-keys') {
    manifest.flexKeys.forEach((key, i) => {
      const bin = `flex-${String(i).padStart(3, '0')}.bin`;
      const data = readFileSync(join(dir, bin));
      const parsed = decodeFlexKey(key, new Uint32Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)));
      const json = Buffer.from(JSON.stringify(parsed instanceof Uint32Array ? [...parsed] : parsed));
      const name = bin.replace(/\.bin$/, '.json');
      writeFileSync(join(dir, name), json);
      rmSync(join(dir, bin));
      const entry = manifest.files.find((f) => f.name === bin)!;
      Object.assign(entry, { name, bytes: json.byteLength, crc32: crc32(json) });
    });
  } else {
    for (const f of manifest.files) {
      delete f.crc32;
      f.sha1 = createHash('sha1')
        .update(readFileSync(join(dir, f.name)))
        .digest('hex');
    }
  }
  writeFileSync(path, JSON.stringify(manifest, null, 1));
}
