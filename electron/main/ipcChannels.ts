// The fixed IPC channel names, derived from the contract: one `invoke` channel per method and
// one channel per app event. electron/preload/channels.ts derives the same names (the preload
// may not import electron/main); tests/electron/ipc.test.ts proves the two agree.
import { EVENTS, METHODS, type AppEvent, type Method } from '../../shared/api/contract';

/** The channel `window.briefing.invoke(method, …)` travels on. */
export function invokeChannel(method: Method): string {
  return `briefing:invoke:${method}`;
}

/** The channel the main process pushes `event` on. */
export function eventChannel(event: AppEvent): string {
  return `briefing:event:${event}`;
}

/** Every invoke channel the main process registers, one per contract method. */
export const INVOKE_CHANNELS: ReadonlyMap<Method, string> = new Map(
  METHODS.map((method) => [method, invokeChannel(method)]),
);
export const EVENT_CHANNELS: ReadonlyMap<AppEvent, string> = new Map(
  EVENTS.map((event) => [event, eventChannel(event)]),
);
