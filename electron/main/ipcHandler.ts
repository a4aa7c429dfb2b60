// The body of every IPC invoke handler, free of Electron so it is tested with fake events:
// refuse anything that is not the app's own top frame, then let the library validate the input
// against the contract (createLibrary parses with the method's zod schema) and run it, and wrap
// the outcome in the envelope every transport uses.
import type { Method } from '../../shared/api/contract';
import { toEnvelope, type InvokeEnvelope } from '../../shared/api/bridge';
import { AppError } from '../../shared/api/errors';
import { isTrustedSender } from './senderPolicy';

/** The parts of Electron's IpcMainInvokeEvent the handler reads. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The library entry point the handler calls (createLibrary's invokeUnknown). */
export interface LibraryInvoker {
  invokeUnknown(method: unknown, input: unknown): Promise<unknown>;
}

/**
 * Fields naming files on disk. A page never chooses a path: the main process asks the user with
 * a native dialog instead, so a compromised page cannot write a PDF or a backup anywhere it likes.
 */
export const PATH_FIELDS = ['outFile', 'backupFile'] as const;

/** The renderer's input without any path field. */
export function withoutPathFields(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const field of PATH_FIELDS) delete copy[field];
  return copy;
}

/** Builds the handler for one contract method. `onRefused` hears about refused senders (logged by main). */
export function createInvokeHandler(
  method: Method,
  library: LibraryInvoker,
  onRefused: (method: Method, url: string | null) => void = () => {},
): (event: InvokeEventLike, input: unknown) => Promise<InvokeEnvelope> {
  return (event, input) => {
    const frame = event.senderFrame;
    const trusted = isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null);
    if (!trusted) {
      onRefused(method, frame?.url ?? null);
      return toEnvelope(async () => {
        throw new AppError(
          'NOT_AVAILABLE',
          'This request did not come from Briefing Composer’s own window and was refused.',
        );
      });
    }
    return toEnvelope(() => library.invokeUnknown(method, withoutPathFields(input)));
  };
}
