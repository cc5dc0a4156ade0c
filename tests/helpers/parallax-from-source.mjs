// Run the Parallax CLI from the TypeScript sources (through tsx), for tests that need a real separate
// process without depending on a build: `node --import tsx tests/helpers/parallax-from-source.mjs serve …`.
import { processIo, runCli } from '../../src-main/transports/cli/cli.ts';

process.exitCode = await runCli(process.argv.slice(2), processIo());
