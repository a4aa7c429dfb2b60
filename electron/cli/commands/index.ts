// Every command of `briefing`, in the order `briefing --help` lists them. A new command is one
// file in this folder (its declaration, `--help` example and action) and one line here.
import type { Command } from 'commander';
import { example } from '../options';
import type { Session } from '../session';
import { backupCommand } from './backup';
import { briefAddCommand } from './briefAdd';
import { briefNewCommand } from './briefNew';
import { briefsCommand } from './briefs';
import { checkCommand } from './check';
import { claimAddCommand } from './claimAdd';
import { claimsCommand } from './claims';
import { exportCommand } from './export';
import { importCommand } from './import';
import { restoreCommand } from './restore';
import { sourcesCommand } from './sources';

/** A command that only holds subcommands, such as `claim` for `briefing claim add`. */
function group(program: Command, name: string, description: string, exampleLine: string): Command {
  return program.command(name).description(description).addHelpText('after', example(exampleLine));
}

/** Declares every command on `program`; commands inherit its output and exit settings. */
export function registerCommands(program: Command, session: Session): void {
  importCommand(program, session);
  sourcesCommand(program, session);
  claimsCommand(program, session);
  briefsCommand(program, session);
  claimAddCommand(group(program, 'claim', 'work with one claim card', 'briefing claim add --statement "…"'), session);
  const brief = group(program, 'brief', 'work with one brief', 'briefing brief new --title "Weekly harbour brief"');
  briefNewCommand(brief, session);
  briefAddCommand(brief, session);
  checkCommand(program, session);
  backupCommand(program, session);
  restoreCommand(program, session);
  exportCommand(program, session);
}
