// What every session and every web contents gets, written against the small slices of Electron's
// Session and WebContents it touches (types only), so tests run it on fakes without a binary.
// security.ts installs it on the real objects.
import type { Session, WebContents } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { decideNavigation, decideWindowOpen, isAllowedDownload, shouldBlockRequest } from './navigationPolicy';
import { isPermissionAllowed } from './permissionPolicy';

type Log = (message: string) => void;

/**
 * Where Chromium would fetch Hunspell dictionaries (Windows/Linux): a scheme nothing serves, so
 * any attempt fails at once on the machine without touching the network. macOS uses the OS
 * spell checker and downloads nothing anyway.
 */
export const NO_DICTIONARY_DOWNLOAD_URL = 'briefing-no-dictionary-downloads://offline/';

export type SessionLike = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setSpellCheckerDictionaryDownloadURL'
  | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/** Deny-by-default handlers, no dictionary downloads, no network, no foreign downloads. */
export function hardenSession(ses: SessionLike, log: Log): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, {
      requestingUrl: details.requestingUrl,
      isMainFrame: details.isMainFrame,
    });
    if (!allowed) log(`permission "${permission}" denied to ${details.requestingUrl}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, {
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
    }),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));

  ses.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOAD_URL);
  ses.on('spellcheck-dictionary-download-begin', (_event, language) =>
    log(`no spell-check dictionary is bundled for ${language}; none is downloaded`),
  );

  // Defense in depth behind the CSP: nothing but app:, data: and blob: ever loads.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = shouldBlockRequest(details.url);
    if (cancel) log(`blocked request to ${details.url}`);
    callback({ cancel });
  });

  ses.on('will-download', (event, item, contents) => {
    if (!isAllowedDownload(item.getURL(), contents?.getURL())) {
      log(`download of ${item.getURL()} cancelled`);
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions(downloadSaveDialogOptions(item.getFilename()));
  });
}

export type WebContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * The guard every web contents gets when it is created: it may not navigate, redirect, open a
 * window or attach a webview. http(s) targets are passed to `offerExternal`, which asks the user.
 */
export function guardWebContents(contents: WebContentsLike, offerExternal: (url: string) => void, log: Log): void {
  const offer = (url: string | null) => {
    if (url) offerExternal(url);
  };
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`navigation to ${url} prevented`);
    offer(decideNavigation(url).offerExternal);
  });
  // Also fires for sub-frames; the app's page never navigates after its programmatic loadURL.
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`redirect to ${url} prevented`);
  });
  contents.setWindowOpenHandler(({ url }) => {
    offer(decideWindowOpen(url).offerExternal);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused');
  });
}

/** The native save dialog the page's own downloads (an exported PDF) go through. */
export function downloadSaveDialogOptions(fileName: string): {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
  properties: Array<'createDirectory' | 'showOverwriteConfirmation'>;
} {
  const safeName = (fileName || 'brief.pdf').replace(/[\\/:*?"<>|\0]/g, '_');
  const isPdf = /\.pdf$/i.test(safeName);
  return {
    title: isPdf ? 'Export PDF' : 'Save',
    defaultPath: join(homedir(), safeName),
    filters: isPdf ? [{ name: 'PDF document', extensions: ['pdf'] }] : [],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}
