// The body of every call a page makes, free of Electron so it is tested with fake events and
// shared with the browser test harness: refuse anything that is not the app's own top frame,
// then let the library parse the input with the method's page schema (a page never names a file
// on disk) and run it, and wrap the outcome in the envelope every transport uses.
import type { Method } from '../../shared/api/contract';
import { toEnvelope, type InvokeEnvelope } from '../../shared/api/bridge';
import { AppError } from '../../shared/api/errors';
import { isTrustedSender, type SenderFrameInfo } from './senderPolicy';

/** The parts of Electron's IpcMainInvokeEvent the handler reads. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The library entry point a page call ends in (createLibrary's invokeUnknown). */
export interface LibraryInvoker {
  invokeUnknown: (method: unknown, input: unknown, caller: 'page' | 'trusted') => Promise<unknown>;
}

export interface PageCallPolicy {
  /** Whether the calling frame is the app's own top frame. */
  isTrusted: (frame: SenderFrameInfo | null) => boolean;
  /** Hears about refused callers (the main process logs them). */
  onRefused?: (method: unknown, url: string | null) => void;
}

/** Answers one call from a page: the one function the app's IPC and the browser harness both run. */
export function answerPageCall(
  library: LibraryInvoker,
  policy: PageCallPolicy,
  frame: SenderFrameInfo | null,
  method: unknown,
  input: unknown,
): Promise<InvokeEnvelope> {
  if (!policy.isTrusted(frame)) {
    policy.onRefused?.(method, frame?.url ?? null);
    return toEnvelope(() => {
      throw new AppError(
        'NOT_AVAILABLE',
        'This request did not come from Briefing Composer’s own window and was refused.',
      );
    });
  }
  return toEnvelope(() => library.invokeUnknown(method, input, 'page'));
}

/** Builds the IPC handler for one contract method. `onRefused` hears about refused senders (logged by main). */
export function createInvokeHandler(
  method: Method,
  library: LibraryInvoker,
  onRefused: (method: Method, url: string | null) => void = () => {},
): (event: InvokeEventLike, input: unknown) => Promise<InvokeEnvelope> {
  const policy: PageCallPolicy = { isTrusted: isTrustedSender, onRefused: (_m, url) => onRefused(method, url) };
  return (event, input) => {
    const frame = event.senderFrame;
    return answerPageCall(
      library,
      policy,
      frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
      method,
      input,
    );
  };
}
