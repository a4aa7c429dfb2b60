// The fixed IPC channel names: one `invoke` channel per contract method and one channel per app
// event. Both ends (electron/main registers, electron/preload sends) derive them from here, so
// they cannot drift apart. Schema-free, like ./methods.ts, so the preload bundles no zod.
import type { AppEvent, MethodName } from './methods';

const INVOKE_PREFIX = 'briefing:invoke:';

/** The channel `window.briefing.invoke(method, …)` travels on. */
export function invokeChannel(method: MethodName): string {
  return `${INVOKE_PREFIX}${method}`;
}

/** The method an invoke channel carries, or null for any other channel name. */
export function methodOfChannel(channel: unknown): string | null {
  return typeof channel === 'string' && channel.startsWith(INVOKE_PREFIX) ? channel.slice(INVOKE_PREFIX.length) : null;
}

/** The channel the main process pushes `event` on. */
export function eventChannel(event: AppEvent): string {
  return `briefing:event:${event}`;
}
