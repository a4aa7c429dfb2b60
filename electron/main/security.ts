// Installs the security guards on the real Electron objects: every web contents, the moment it
// is created, gets guardWebContents; http(s) links go to the system browser only after the user
// confirms. Sessions are hardened with hardenSession (both in ./sessionHardening.ts, tested).
import { app, BrowserWindow, shell, type WebContents } from 'electron';
import { confirmOpenExternal } from './dialogs';
import { createExternalLinkHandler } from './navigationPolicy';
import { guardWebContents } from './sessionHardening';

export { hardenSession } from './sessionHardening';

/** Call once, before the first window: covers every web contents created afterwards. */
export function guardAllWebContents(log: (message: string) => void): void {
  const openExternal = createExternalLinkHandler({
    confirm: (url) => confirmOpenExternal(BrowserWindow.getFocusedWindow(), url),
    // Reached only with an http(s) URL (externalUrlToOpen) that the user has just confirmed.
    open: (url) => shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK -- allow-listed to http/https by externalUrlToOpen and confirmed by the user (navigationPolicy.ts, tested)
  });
  const offerExternal = (url: string) => {
    openExternal(url).catch((error: unknown) => log(`could not open ${url}: ${String(error)}`));
  };
  app.on('web-contents-created', (_event, contents: WebContents) => guardWebContents(contents, offerExternal, log));
}
