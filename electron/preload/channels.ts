// The IPC channel names, derived from the contract exactly as electron/main/ipcChannels.ts does
// (the preload may import only shared/ and electron). tests/electron/ipc.test.ts proves they agree.
import type { AppEvent, Method } from '../../shared/api/contract';

export const invokeChannel = (method: Method): string => `briefing:invoke:${method}`;
export const eventChannel = (event: AppEvent): string => `briefing:event:${event}`;
