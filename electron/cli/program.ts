// The `briefing` program: its global options, where commander writes, and every command.
import { Command } from 'commander';
import { registerCommands } from './commands';
import { example } from './options';
import { createSession, type CliIo, type GlobalOptions, type Session } from './session';

/** Builds the program for one run; nothing is opened until a command's action asks for the library. */
export function createProgram(io: CliIo): { program: Command; session: Session } {
  const program = new Command('briefing')
    .description('Briefing Composer library: sources, claim cards, briefs.')
    .option('--db <path>', 'library file (default: $BRIEFING_DB or the app’s library in the user-data folder)')
    .option('--json', 'print one JSON object on stdout')
    // Commands declared with program.command() inherit these three, so no command exits the process itself.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(s),
    })
    .showSuggestionAfterError()
    .addHelpText('after', example('briefing --db ~/analysis/library.db claims convoy --json'));
  const session = createSession(io, () => program.opts<GlobalOptions>());
  registerCommands(program, session);
  return { program, session };
}
