// Registers the `app://` protocol with Electron: privileges before ready, then the handlers of
// ./protocolHandlers.ts on each session (the renderer on the app's, print documents on the
// print window's). The renderer is never loaded from file://.
import { protocol, type Session } from 'electron';
import { APP_SCHEME } from './appUrl';
import type { PrintDocumentStore } from './printDocuments';
import { createPrintHandler, createRendererHandler } from './protocolHandlers';

/** Must run before the app is ready: `app:` becomes a standard, secure scheme (real origin, fetch, code cache). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        codeCache: true,
        allowServiceWorkers: false,
        corsEnabled: false,
      },
    },
  ]);
}

/** Serves dist/renderer on the main window's session. */
export function serveRenderer(ses: Session, rendererRoot: string, log: (message: string) => void): void {
  ses.protocol.handle(APP_SCHEME, createRendererHandler(rendererRoot, log));
}

/** Serves in-memory print documents on the print window's own session. */
export function servePrintDocuments(ses: Session, documents: PrintDocumentStore): void {
  ses.protocol.handle(APP_SCHEME, createPrintHandler(documents));
}
