// Where the app keeps its data when told to look elsewhere: `--user-data-dir=<dir>` on the
// command line or $BRIEFING_USER_DATA (tests and the Electron end-to-end specs use a temporary
// folder so they never touch a real library). Pure, so the rule is unit-tested.
import { isAbsolute, resolve } from 'node:path';

export const USER_DATA_ENV = 'BRIEFING_USER_DATA';
const SWITCH = '--user-data-dir=';

/** The user-data folder requested by argv or the environment (argv wins), absolute; null for the default. */
export function userDataOverride(argv: readonly string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): string | null {
  const fromArgv = [...argv]
    .reverse()
    .find((arg) => arg.startsWith(SWITCH))
    ?.slice(SWITCH.length);
  const chosen = (fromArgv ?? env[USER_DATA_ENV] ?? '').trim();
  if (chosen === '' || chosen.includes('\0')) return null;
  return isAbsolute(chosen) ? resolve(chosen) : resolve(cwd, chosen);
}
