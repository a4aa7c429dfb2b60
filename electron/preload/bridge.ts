// The core of the preload: `window.briefing` built over an injected ipcRenderer, so tests run it
// with a fake. It exposes exactly two functions — `invoke` for contract methods and `on` for the
// listed events — and never hands the page an IPC object, an event object or a channel name.
import type { BriefingBridge, Invoke } from '../../shared/api/contract';
import { fromEnvelope } from '../../shared/api/bridge';
import { AppError, isAppErrorPayload, type AppErrorPayload } from '../../shared/api/errors';
import { isAppEvent, isMethodName, type AppEvent } from '../../shared/api/methods';
import { eventChannel, invokeChannel } from '../../shared/api/channels';

/** The slice of Electron's ipcRenderer the bridge uses. */
export interface BridgeIpc {
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>;
  on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => unknown;
  removeListener: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) => unknown;
}

/** What the page's promise rejects with: see toWireError. */
export interface WireError extends AppErrorPayload {
  name: 'AppError';
}

/**
 * The failure the page receives. contextBridge copies a thrown Error with its message only (the
 * code would be lost), so rejections are plain `{ name, code, message }` objects, which the
 * renderer recognizes by shape (renderer/bridge.ts toAppError).
 */
function toWireError(error: unknown): WireError {
  if (error instanceof AppError || isAppErrorPayload(error))
    return { name: 'AppError', code: error.code, message: error.message };
  return { name: 'AppError', code: 'INTERNAL', message: 'The app could not complete the request.' };
}

/** Builds the object exposed as `window.briefing`; frozen, with exactly `invoke` and `on`. */
export function createBridge(ipc: BridgeIpc): BriefingBridge {
  const invoke = (async (method: unknown, input: unknown) => {
    if (!isMethodName(method)) {
      throw toWireError(
        new AppError('INVALID_INPUT', `There is no method called ${JSON.stringify(String(method)).slice(0, 80)}.`),
      );
    }
    let envelope: unknown;
    try {
      envelope = await ipc.invoke(invokeChannel(method), input);
    } catch (error) {
      // Input that structured clone cannot carry (functions, DOM nodes) fails before it leaves the page.
      if (/clone/i.test(String((error as Error)?.message))) {
        throw toWireError(
          new AppError(
            'INVALID_INPUT',
            'The request contains values that cannot be sent (only plain data is allowed).',
          ),
        );
      }
      // Otherwise the main process has no handler or is shutting down: never leak its error text.
      throw toWireError(new AppError('NOT_AVAILABLE', 'The app is not ready to answer; try again in a moment.'));
    }
    try {
      return fromEnvelope(envelope);
    } catch (error) {
      throw toWireError(error);
    }
  }) as Invoke;

  function on(event: AppEvent, listener: (payload: unknown) => void): () => void {
    if (!isAppEvent(event))
      throw toWireError(
        new AppError('INVALID_INPUT', `There is no event called ${JSON.stringify(String(event)).slice(0, 80)}.`),
      );
    if (typeof listener !== 'function')
      throw toWireError(new AppError('INVALID_INPUT', 'A listener must be a function.'));
    const channel = eventChannel(event);
    // The page gets the payload only, never Electron's IpcRendererEvent (which carries `sender`).
    const relay = (_event: unknown, payload?: unknown) => listener(payload);
    ipc.on(channel, relay);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(channel, relay);
    };
  }

  return Object.freeze({ invoke, on } satisfies BriefingBridge);
}
