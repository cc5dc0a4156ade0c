import { describe, expect, it } from 'vitest';
import { buildProgram } from './cli-program';
import { commandGroups } from './command-groups';

const silent = { out: () => undefined, err: () => undefined, env: {} };
const names = (commands: readonly { name(): string }[]) => commands.map((c) => c.name()).sort();

describe('command groups', () => {
  it('name exactly the commands each group registers, so a command line finds its own group', async () => {
    for (const group of commandGroups) {
      const { program } = await buildProgram(silent, [group.commands[0]!]);
      expect(names(program.commands)).toEqual([...group.commands].sort());
    }
  });

  it('build every command for --help, help, no command and an unknown one', async () => {
    const all = commandGroups.flatMap((g) => g.commands).sort();
    for (const argv of [['--help'], ['help'], [], ['lsit'], ['--json', '--notebook', 'list']]) {
      const { program } = await buildProgram(silent, argv);
      expect(names(program.commands), argv.join(' ')).toEqual(all);
    }
  });

  it('--help lists every command with its summary', async () => {
    let out = '';
    const { program } = await buildProgram({ ...silent, out: (t) => void (out += t) }, ['--help']);
    program.outputHelp();
    const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const c of program.commands) {
      expect(out, c.name()).toMatch(new RegExp(`\\n  ${escaped(c.name())}\\b.*${escaped(c.description().slice(0, 20))}`));
    }
  });

  it('builds only the group of the command run, with the global options before it', async () => {
    const { program } = await buildProgram(silent, ['--notebook', 'nb', '--json', 'compare', 'a', 'b']);
    expect(names(program.commands)).toEqual(['compare', 'related', 'story']);
  });
});
