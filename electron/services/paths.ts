// Where a library lives by default: the same user-data folder Electron's app.getPath('userData')
// gives for this product, so the CLI and the app open the same file without asking Electron.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Briefing Composer';
export const LIBRARY_FILE_NAME = 'library.db';

/** The user-data folder for this product on this platform. */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** The library the app and the CLI open when none is named: $BRIEFING_DB, else the user-data folder's. */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.BRIEFING_DB || join(defaultUserDataDir(env), LIBRARY_FILE_NAME);
}
