import { runCli } from '../../src-main/transports/cli/cli-program';

/** Run the CLI in-process, as `parallax <args>` would, and capture what it prints. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), env: { ...env } });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
}
