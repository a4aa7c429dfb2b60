// IPC registration: one `ipcMain.handle` per contract method on its fixed channel, each checking
// the sender frame and validating input through the library (./ipcHandler.ts), and the one way
// the main process pushes an event to the page.
import { ipcMain, type WebContents } from 'electron';
import { METHODS, type AppEvent } from '../../shared/api/contract';
import { createInvokeHandler, type LibraryInvoker } from './ipcHandler';
import { eventChannel, invokeChannel } from '../../shared/api/channels';

/** Registers every contract method; returns the function that removes them again. */
export function registerIpcHandlers(library: LibraryInvoker, log: (message: string) => void): () => void {
  for (const method of METHODS) {
    ipcMain.handle(
      invokeChannel(method),
      createInvokeHandler(method, library, (m, url) => log(`IPC ${m} refused from ${url ?? 'a destroyed frame'}`)),
    );
  }
  return () => METHODS.forEach((method) => ipcMain.removeHandler(invokeChannel(method)));
}

/** Sends one of the contract's EVENTS to a page; the preload hands the listener the payload only. */
export function sendEvent(contents: WebContents | null | undefined, event: AppEvent, payload: unknown): void {
  if (contents && !contents.isDestroyed()) contents.send(eventChannel(event), payload);
}
