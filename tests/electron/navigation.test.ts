// Leaving the app: navigation is always prevented, no window is ever opened, and only http(s)
// links reach the system browser — after the user confirms. Everything else is dropped.
// The web-contents guard runs on a fake web contents.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  createExternalLinkHandler,
  decideNavigation,
  decideWindowOpen,
  externalUrlToOpen,
  isAllowedDownload,
  openExternallyIfConfirmed,
  shouldBlockRequest,
  type ExternalOpener,
} from '../../electron/main/navigationPolicy';
import { guardWebContents, type WebContentsLike } from '../../electron/main/sessionHardening';

const ALLOWED = ['https://example.org/report?id=1#p2', 'http://example.org/', 'HTTPS://EXAMPLE.ORG/a'];
const REFUSED = [
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'mailto:someone@example.org',
  'ftp://example.org/file',
  'smb://server/share',
  'app://renderer/index.html',
  'vbscript:msgbox',
  'ms-msdt:/id PCWDiagnostic',
  'chrome://settings',
  'https://user:password@example.org/',
  'https://',
  'not a url',
  '',
  '   ',
];

function opener(
  answer: boolean,
): ExternalOpener & { confirm: ReturnType<typeof vi.fn>; open: ReturnType<typeof vi.fn> } {
  return { confirm: vi.fn(async () => answer), open: vi.fn(async () => {}) };
}

describe('external URL allow-list', () => {
  it.each(ALLOWED)('allows %s', (url) => expect(externalUrlToOpen(url)).toBe(new URL(url).href));
  it.each(REFUSED)('refuses %s', (url) => expect(externalUrlToOpen(url)).toBeNull());
  it('refuses non-strings', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.org']]) expect(externalUrlToOpen(value)).toBeNull();
  });
});

describe('navigation and window-open decisions', () => {
  it('denies every navigation and every window, offering only http(s) to the browser', () => {
    for (const url of [...ALLOWED, ...REFUSED]) {
      expect(decideNavigation(url).action).toBe('deny');
      expect(decideWindowOpen(url).action).toBe('deny');
      expect(decideWindowOpen(url).offerExternal).toBe(externalUrlToOpen(url));
    }
  });
  it('denies in-app URLs too: the app never opens a second window of itself', () => {
    expect(decideWindowOpen('app://renderer/index.html')).toEqual({ action: 'deny', offerExternal: null });
  });
});

describe('handing links to the system browser', () => {
  it('opens an http(s) link only after the user confirms', async () => {
    const yes = opener(true);
    expect(await openExternallyIfConfirmed('https://example.org/x', yes)).toBe(true);
    expect(yes.confirm).toHaveBeenCalledWith('https://example.org/x');
    expect(yes.open).toHaveBeenCalledWith('https://example.org/x');
    expect(yes.confirm.mock.invocationCallOrder[0]).toBeLessThan(yes.open.mock.invocationCallOrder[0]!);
  });

  it('opens nothing when the user declines', async () => {
    const no = opener(false);
    expect(await openExternallyIfConfirmed('https://example.org/x', no)).toBe(false);
    expect(no.open).not.toHaveBeenCalled();
  });

  it('never asks about, let alone opens, anything that is not http(s)', async () => {
    const yes = opener(true);
    for (const url of REFUSED) expect(await openExternallyIfConfirmed(url, yes)).toBe(false);
    expect(yes.confirm).not.toHaveBeenCalled();
    expect(yes.open).not.toHaveBeenCalled();
  });

  it('asks one question at a time: a page cannot stack dialogs', async () => {
    let answer!: (value: boolean) => void;
    const slow: ExternalOpener = {
      confirm: vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve))),
      open: vi.fn(async () => {}),
    };
    const handle = createExternalLinkHandler(slow);
    const first = handle('https://example.org/1');
    expect(await handle('https://example.org/2')).toBe(false);
    answer(true);
    expect(await first).toBe(true);
    expect(slow.confirm).toHaveBeenCalledTimes(1);
    expect(slow.open).toHaveBeenCalledWith('https://example.org/1');
  });
});

describe('web contents guard', () => {
  class FakeContents extends EventEmitter {
    windowOpenHandler?: (details: { url: string }) => { action: string };
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }
  const event = () => ({ preventDefault: vi.fn() });

  function guarded() {
    const contents = new FakeContents();
    const offered: string[] = [];
    guardWebContents(
      contents as unknown as WebContentsLike,
      (url) => offered.push(url),
      () => {},
    );
    return { contents, offered };
  }

  it('prevents every will-navigate, offering http(s) targets to the browser', () => {
    const { contents, offered } = guarded();
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'app://renderer/other.html']) {
      const e = event();
      contents.emit('will-navigate', e, url);
      expect(e.preventDefault, url).toHaveBeenCalled();
    }
    expect(offered).toEqual(['https://example.org/']);
  });

  it('prevents frame navigations and redirects', () => {
    const { contents } = guarded();
    for (const name of ['will-frame-navigate', 'will-redirect']) {
      const e = event();
      contents.emit(name, e, 'https://example.org/');
      expect(e.preventDefault, name).toHaveBeenCalled();
    }
  });

  it('denies every window.open, offering http(s) targets to the browser', () => {
    const { contents, offered } = guarded();
    for (const url of ['https://example.org/a', 'javascript:alert(1)', 'app://renderer/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(offered).toEqual(['https://example.org/a']);
  });

  it('refuses to attach any <webview>', () => {
    const { contents } = guarded();
    const e = event();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('network requests and downloads', () => {
  it('blocks every request that is not the app, data: or blob:', () => {
    for (const url of [
      'https://example.org/a.js',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'file:///etc/passwd',
      'ftp://x/',
      'garbage',
    ]) {
      expect(shouldBlockRequest(url), url).toBe(true);
    }
    for (const url of ['app://renderer/index.html', 'data:image/png;base64,AA==', 'blob:app://renderer/0b1c']) {
      expect(shouldBlockRequest(url), url).toBe(false);
    }
  });

  it('allows only downloads of data the app page made itself', () => {
    expect(isAllowedDownload('blob:app://renderer/1234-5678', 'app://renderer/index.html')).toBe(true);
    expect(isAllowedDownload('data:application/pdf;base64,JVBE', 'app://renderer/index.html')).toBe(true);
    expect(isAllowedDownload('https://example.org/malware.exe', 'app://renderer/index.html')).toBe(false);
    expect(isAllowedDownload('blob:https://example.org/1234', 'app://renderer/index.html')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd', 'app://renderer/index.html')).toBe(false);
    expect(isAllowedDownload('blob:app://renderer/1234', 'https://example.org/')).toBe(false);
    expect(isAllowedDownload('blob:app://renderer/1234', undefined)).toBe(false);
  });
});
