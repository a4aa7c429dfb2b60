// The editor's access to the library: the workspace's typed bridge (renderer/bridge.ts), plus a
// helper that turns any failure into a code and a sentence for the status line.
import { toAppError } from '../../bridge';

export { invoke, onLibraryChange, openExternal } from '../../bridge';

/** A user-facing sentence and the AppError code of a failure. */
export function describeError(error: unknown): { code: string; message: string } {
  const appError = toAppError(error);
  return { code: appError.code, message: appError.message };
}
