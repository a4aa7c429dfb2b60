// The `briefing` command line: the same handler table as the app, on a library file.
// Exit codes: 0 success, 1 a check failed, 2 bad usage or bad input (one line on stderr).
import { CommanderError } from 'commander';
import { AppError } from '../../shared/api/errors';
import { CheckFailed, EXIT } from './exit';
import { createProgram } from './program';
import { processIo, type CliIo } from './session';

export { EXIT } from './exit';
export type { CliIo } from './session';

/** Runs one command line (arguments after the program name) and returns its exit code; never exits the process. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const { program, session } = createProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CheckFailed) return EXIT.checkFailed;
    if (error instanceof CommanderError) {
      // Help and version are not errors; commander has already printed its message.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof AppError) {
      if (session.json()) io.stdout(JSON.stringify({ error: error.toJSON() }));
      io.stderr(`briefing: ${error.message}`);
      return error.code === 'INTERNAL' ? EXIT.checkFailed : EXIT.badInput;
    }
    io.stderr(`briefing: unexpected error: ${(error as Error)?.message ?? String(error)}`);
    return EXIT.checkFailed;
  } finally {
    session.close();
  }
}
