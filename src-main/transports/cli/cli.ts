/** Entry of the built CLI (out/main/cli.js), loaded by bin/parallax.mjs. */
export { runCli } from './cli-program';
export { processIo } from './cli-io';
