import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { flipParallaxFuses } from './fuses';

const tempDir = useTempDirs();
/** The marker Electron puts before its fuse wire (see @electron/fuses); a binary is found by it. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** A stand-in for an Electron binary: bytes around a fuse wire of nine fuses as Electron ships them. */
function fakeElectron(wire: string): string {
  const file = join(tempDir(), 'electron');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('\x7fELF…machine code…'),
      Buffer.from(SENTINEL),
      Buffer.from([1, wire.length]),
      Buffer.from(wire),
      Buffer.from('…more code…'),
    ]),
  );
  return file;
}

describe('Electron fuses of the packaged app', () => {
  it('turns off running as Node, NODE_OPTIONS and --inspect; turns on cookie encryption and ASAR integrity and ASAR-only loading', async () => {
    // Electron's defaults: RunAsNode, cookie encryption off, NODE_OPTIONS, --inspect on, ASAR checks off, ...
    const binary = fakeElectron('101100001');
    const before = readFileSync(binary);
    expect(await flipParallaxFuses(binary)).toEqual({
      RunAsNode: 'off',
      EnableCookieEncryption: 'on',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      LoadBrowserProcessSpecificV8Snapshot: 'off',
      GrantFileProtocolExtraPrivileges: 'off',
      WasmTrapHandlers: 'on',
    });
    const after = readFileSync(binary);
    expect(after.length).toBe(before.length); // only the wire's bytes changed
    expect(after.subarray(0, before.indexOf(SENTINEL) + SENTINEL.length + 2)).toEqual(
      before.subarray(0, before.indexOf(SENTINEL) + SENTINEL.length + 2),
    );
  });

  it('refuses a binary with a fuse it has not decided on (a newer Electron), changing nothing', async () => {
    const binary = fakeElectron('1011000011');
    const before = readFileSync(binary);
    await expect(flipParallaxFuses(binary)).rejects.toThrow(/strictlyRequireAllFuses/);
    expect(readFileSync(binary)).toEqual(before);
  });
});
