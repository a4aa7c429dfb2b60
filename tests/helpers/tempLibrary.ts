// A library on a real SQLite file in a fresh temporary folder.
import { createLibrary, type Library } from '../../electron/services/createLibrary';
import { makeTempDir, type TempDir } from './tempDir';

/** A library on a new file; `close()` closes it and deletes the folder. */
export function openTempLibrary(): Library & { dir: TempDir } {
  const dir = makeTempDir();
  const library = createLibrary({ dbPath: dir.path('library.db'), logError: () => {} });
  return {
    ...library,
    dir,
    close() {
      library.close();
      dir.remove();
    },
  };
}
