// Permissions are denied by default in every session: every permission Electron knows is refused,
// except sanitized clipboard writes by the app's own top frame. The real hardenSession runs on a
// fake session, so the handlers Electron would call are the ones under test.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ALLOWED_PERMISSIONS, isPermissionAllowed } from '../../electron/main/permissionPolicy';
import { hardenSession, NO_DICTIONARY_DOWNLOAD_URL, type SessionLike } from '../../electron/main/sessionHardening';
import { shouldBlockRequest } from '../../electron/main/navigationPolicy';

// Every permission name in Electron 45's setPermissionRequestHandler signature.
const ELECTRON_PERMISSIONS = [
  'ar',
  'automatic-fullscreen',
  'background-fetch',
  'background-sync',
  'captured-surface-control',
  'clipboard-read',
  'clipboard-sanitized-write',
  'deprecated-sync-clipboard-read',
  'display-capture',
  'fileSystem',
  'fullscreen',
  'geolocation',
  'geolocation-approximate',
  'hand-tracking',
  'hid',
  'idle-detection',
  'keyboardLock',
  'local-fonts',
  'local-network',
  'local-network-access',
  'loopback-network',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'nfc',
  'notifications',
  'openExternal',
  'payment-handler',
  'periodic-background-sync',
  'persistent-storage',
  'pointerLock',
  'screen-wake-lock',
  'sensors',
  'serial',
  'smart-card',
  'speaker-selection',
  'storage-access',
  'system-wake-lock',
  'top-level-storage-access',
  'usb',
  'vr',
  'web-app-installation',
  'web-printing',
  'window-management',
  'unknown',
  'some-future-permission',
] as const;

const APP_TOP = { requestingUrl: 'app://renderer/index.html', isMainFrame: true };

class FakeSession extends EventEmitter {
  requestHandler?: (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { requestingUrl: string; isMainFrame: boolean },
  ) => void;
  checkHandler?: (
    contents: unknown,
    permission: string,
    origin: string,
    details: { requestingUrl?: string; isMainFrame: boolean },
  ) => boolean;
  deviceHandler?: (details: unknown) => boolean;
  displayMediaHandler?: (request: unknown, callback: (streams: unknown) => void) => void;
  dictionaryUrl?: string;
  beforeRequest?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  webRequest = { onBeforeRequest: (handler: FakeSession['beforeRequest']) => (this.beforeRequest = handler) };
  setPermissionRequestHandler(handler: FakeSession['requestHandler']) {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['checkHandler']) {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: FakeSession['deviceHandler']) {
    this.deviceHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: FakeSession['displayMediaHandler']) {
    this.displayMediaHandler = handler;
  }
  setSpellCheckerDictionaryDownloadURL(url: string) {
    this.dictionaryUrl = url;
  }
}

function hardened() {
  const session = new FakeSession();
  hardenSession(session as unknown as SessionLike, () => {});
  return session;
}

describe('permission policy', () => {
  it('denies every permission to the app page except the allow-listed clipboard write', () => {
    for (const permission of ELECTRON_PERMISSIONS) {
      expect(isPermissionAllowed(permission, APP_TOP), permission).toBe(permission === 'clipboard-sanitized-write');
    }
    expect([...ALLOWED_PERMISSIONS]).toEqual(['clipboard-sanitized-write']);
  });

  it('denies even the clipboard to sub-frames, other origins and unknown callers', () => {
    const p = 'clipboard-sanitized-write';
    expect(isPermissionAllowed(p, { requestingUrl: 'app://renderer/index.html', isMainFrame: false })).toBe(false);
    expect(isPermissionAllowed(p, { requestingUrl: 'https://example.org/', isMainFrame: true })).toBe(false);
    expect(isPermissionAllowed(p, { requestingUrl: 'app://print/abc.html', isMainFrame: true })).toBe(false);
    expect(isPermissionAllowed(p, { requestingUrl: 'file:///tmp/x.html', isMainFrame: true })).toBe(false);
    expect(isPermissionAllowed(p, { requestingUrl: undefined, isMainFrame: true })).toBe(false);
    expect(isPermissionAllowed(p, { requestingUrl: 'app://renderer', isMainFrame: true })).toBe(true); // origin form of permission checks
  });
});

describe('hardenSession', () => {
  it('answers every permission request with a denial (callback(false)), app page included', () => {
    const session = hardened();
    for (const permission of ELECTRON_PERMISSIONS.filter((p) => p !== 'clipboard-sanitized-write')) {
      const callback = vi.fn();
      session.requestHandler!({}, permission, callback, APP_TOP);
      expect(callback, permission).toHaveBeenCalledWith(false);
    }
    const fromWeb = vi.fn();
    session.requestHandler!({}, 'clipboard-sanitized-write', fromWeb, {
      requestingUrl: 'https://example.org/',
      isMainFrame: true,
    });
    expect(fromWeb).toHaveBeenCalledWith(false);
  });

  it('answers permission checks with false by default', () => {
    const session = hardened();
    for (const permission of ELECTRON_PERMISSIONS.filter((p) => p !== 'clipboard-sanitized-write')) {
      expect(session.checkHandler!(null, permission, 'app://renderer', { isMainFrame: true }), permission).toBe(false);
    }
    expect(session.checkHandler!(null, 'clipboard-sanitized-write', 'https://example.org', { isMainFrame: true })).toBe(
      false,
    );
  });

  it('denies USB/HID/serial devices and screen capture', () => {
    const session = hardened();
    expect(session.deviceHandler!({ deviceType: 'usb', origin: 'app://renderer' })).toBe(false);
    const callback = vi.fn();
    session.displayMediaHandler!({}, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });

  it('points spell-check dictionary downloads at a URL nothing can serve', () => {
    const session = hardened();
    expect(session.dictionaryUrl).toBe(NO_DICTIONARY_DOWNLOAD_URL);
    const url = new URL(NO_DICTIONARY_DOWNLOAD_URL);
    expect(['http:', 'https:', 'ftp:', 'file:', 'app:']).not.toContain(url.protocol);
    expect(shouldBlockRequest(NO_DICTIONARY_DOWNLOAD_URL)).toBe(true);
  });

  it('cancels network requests in the session', () => {
    const session = hardened();
    const answers: boolean[] = [];
    for (const url of ['https://example.org/x.js', 'app://renderer/index.html'])
      session.beforeRequest!({ url }, ({ cancel }) => answers.push(cancel));
    expect(answers).toEqual([true, false]);
  });

  it('cancels downloads the app page did not make, and routes its own through the save dialog', () => {
    const session = hardened();
    const foreign = { preventDefault: vi.fn() };
    const foreignItem = {
      getURL: () => 'https://example.org/x.exe',
      getFilename: () => 'x.exe',
      setSaveDialogOptions: vi.fn(),
    };
    session.emit('will-download', foreign, foreignItem, { getURL: () => 'app://renderer/index.html' });
    expect(foreign.preventDefault).toHaveBeenCalled();
    expect(foreignItem.setSaveDialogOptions).not.toHaveBeenCalled();

    const own = { preventDefault: vi.fn() };
    const ownItem = {
      getURL: () => 'blob:app://renderer/42',
      getFilename: () => 'Weekly brief.pdf',
      setSaveDialogOptions: vi.fn(),
    };
    session.emit('will-download', own, ownItem, { getURL: () => 'app://renderer/index.html' });
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(ownItem.setSaveDialogOptions).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'Export PDF', filters: [{ name: 'PDF document', extensions: ['pdf'] }] }),
    );
  });
});
