/**
 * Electron fuses: switches compiled into the Electron binary that no command-line flag, environment
 * variable or code can turn back on. They are flipped in the packaged app (`npm run fuses -- <binary>`,
 * the last step of packaging; docs/architecture.md, rule 7), never in development, where `electron .`
 * must still load the unpacked app.
 */
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import type { FuseV1Config } from '@electron/fuses';

export const parallaxFuses = {
  version: FuseVersion.V1,
  // Refuse to run with a fuse left undecided: a newer Electron with a new fuse fails packaging until it is chosen.
  strictlyRequireAllFuses: true,
  // Re-sign an arm64 macOS app after editing its binary, or macOS refuses to start it.
  resetAdHocDarwinSignature: process.platform === 'darwin',
  /** ELECTRON_RUN_AS_NODE would make the signed app a plain Node that runs any script it is given. */
  [FuseV1Options.RunAsNode]: false,
  /** Cookies and other network state encrypted with the OS keychain. */
  [FuseV1Options.EnableCookieEncryption]: true,
  /** NODE_OPTIONS (e.g. --require evil.js) ignored by the app. */
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  /** --inspect and friends ignored: no debugger attached to the main process from outside. */
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  /** app.asar checked against the hash recorded at packaging; a changed archive does not start. */
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  /** The app only from app.asar (where the integrity check applies), never from a loose app/ folder beside it. */
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  /** The app is served from parallax://app and never needs file:// beyond what a browser allows. */
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  /** Electron's default: WebAssembly bounds checks by trap handlers. Parallax runs no WebAssembly of its own. */
  [FuseV1Options.WasmTrapHandlers]: true,
} satisfies FuseV1Config;

/** Flip Parallax's fuses in a packaged Electron binary (or macOS .app) and read back what it now holds. */
export async function flipParallaxFuses(electronBinary: string): Promise<Record<string, 'on' | 'off' | 'removed' | 'inherit'>> {
  await flipFuses(electronBinary, parallaxFuses);
  const wire = await getCurrentFuseWire(electronBinary);
  const states: Record<string, 'on' | 'off' | 'removed' | 'inherit'> = {};
  for (const [key, value] of Object.entries(wire)) {
    if (key === 'version') continue;
    const name = FuseV1Options[Number(key)] ?? `fuse ${key}`;
    states[name] = value === 49 ? 'on' : value === 48 ? 'off' : value === 114 ? 'removed' : 'inherit';
  }
  return states;
}
