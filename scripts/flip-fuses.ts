/**
 * Packaging step: flip Parallax's Electron fuses in a packaged app.
 *   npm run fuses -- dist/linux-unpacked/parallax          (Linux)
 *   npm run fuses -- dist/mac/Parallax.app                 (macOS)
 *   npm run fuses -- dist/win-unpacked/Parallax.exe        (Windows)
 * Run it after the app is packaged into app.asar and before it is signed.
 */
import { flipParallaxFuses } from '../src-main/transports/electron/fuses';

const binary = process.argv[2];
if (!binary) {
  console.error('Usage: npm run fuses -- <path to the packaged Electron binary or .app>');
  process.exit(2);
}
const states = await flipParallaxFuses(binary);
for (const [name, state] of Object.entries(states)) console.log(`${name.padEnd(40)} ${state}`);
