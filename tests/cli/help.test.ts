// `--help` is the CLI's manual: every command, found by walking the program rather than from a
// list kept here, lists its own options and arguments and ends with an example of itself.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { EXIT, main } from '../../electron/cli/main';
import { createProgram } from '../../electron/cli/program';

/** Every command of the program with the words that call it (`['brief', 'add']`); the program itself is `[]`. */
function commandsOf(command: Command, path: string[] = []): Array<{ path: string[]; command: Command }> {
  return [{ path, command }, ...command.commands.flatMap((sub) => commandsOf(sub, [...path, sub.name()]))];
}

const silent = { stdout: () => {}, stderr: () => {} };
// commander adds a `help` command to every command that has subcommands; it has no help of its own.
const commands = commandsOf(createProgram(silent).program).filter(({ path }) => path.at(-1) !== 'help');

async function help(path: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main([...path, '--help'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('briefing --help', () => {
  it('finds every command, nested ones included', () => {
    const names = commands.map(({ path }) => path.join(' '));
    expect(names).toEqual(expect.arrayContaining(['', 'import', 'claim add', 'brief new', 'brief add', 'restore']));
    expect(names.length).toBeGreaterThanOrEqual(14);
  });

  it.each(commands.map((c) => [c.path.join(' ') || '(the program)', c] as const))(
    '%s lists its options and arguments and gives an example of itself',
    async (_name, { path, command }) => {
      const run = await help(path);
      expect(run.code).toBe(EXIT.ok);
      expect(run.stderr).toBe('');
      for (const option of command.options) expect(run.stdout, option.flags).toContain(option.flags);
      for (const argument of command.registeredArguments) expect(run.stdout).toContain(argument.name());
      const example = /\nExample:\n {2}(briefing\b.*)\n?$/.exec(run.stdout);
      expect(example, `an "Example:" block at the end of:\n${run.stdout}`).not.toBeNull();
      // The example calls this command, e.g. `briefing brief add 1 --claim 12` for `brief add`.
      const words = example![1]!.split(/\s+/).filter((w) => !w.startsWith('-') && !/[~/]/.test(w));
      expect(words.slice(0, path.length + 1)).toEqual(['briefing', ...path]);
    },
  );
});
