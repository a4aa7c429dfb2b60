// IPC: one fixed channel per contract method, identical in main and preload; each handler
// answers only the app's own top frame and lets the library validate the input with the
// contract's schema. Handlers run with fake events against a real library file.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENTS, METHODS } from '../../shared/api/contract';
import type { InvokeEnvelope } from '../../shared/api/bridge';
import { createInvokeHandler, type InvokeEventLike, type LibraryInvoker } from '../../electron/main/ipcHandler';
import { eventChannel, invokeChannel, methodOfChannel } from '../../shared/api/channels';
import { isTrustedSender } from '../../electron/main/senderPolicy';
import { openTempLibrary } from '../helpers/tempLibrary';
import { existsSync } from 'node:fs';

const top = (url: string): InvokeEventLike => ({ senderFrame: { url, parent: null } });
const sub = (url: string): InvokeEventLike => ({ senderFrame: { url, parent: {} } });

describe('sender-origin check', () => {
  it('trusts only the top frame of app://renderer', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/', isMainFrame: true })).toBe(true);
  });

  it.each([
    ['a sub-frame of the app', { url: 'app://renderer/index.html', isMainFrame: false }],
    ['a web page', { url: 'https://example.org/', isMainFrame: true }],
    ['a look-alike host', { url: 'app://renderer.evil/index.html', isMainFrame: true }],
    ['another app host', { url: 'app://print/x.html', isMainFrame: true }],
    ['credentials in the URL', { url: 'app://x:y@renderer/index.html', isMainFrame: true }],
    ['a port', { url: 'app://renderer:1/index.html', isMainFrame: true }],
    ['file://', { url: 'file:///app/dist/renderer/index.html', isMainFrame: true }],
    ['about:blank', { url: 'about:blank', isMainFrame: true }],
    ['devtools', { url: 'devtools://devtools/bundled/inspector.html', isMainFrame: true }],
    ['a destroyed frame', { url: null, isMainFrame: true }],
    ['no frame at all', null],
  ])('refuses %s', (_what, frame) => {
    expect(isTrustedSender(frame as never)).toBe(false);
  });
});

describe('channels', () => {
  it('has one distinct invoke channel per contract method and one per event, each leading back to its name', () => {
    expect(new Set(METHODS.map(invokeChannel)).size).toBe(METHODS.length);
    for (const method of METHODS) {
      expect(invokeChannel(method)).toBe(`briefing:invoke:${method}`);
      expect(methodOfChannel(invokeChannel(method))).toBe(method);
    }
    expect(new Set(EVENTS.map(eventChannel)).size).toBe(EVENTS.length);
    expect(methodOfChannel(eventChannel('library.changed'))).toBeNull();
    expect(methodOfChannel(42)).toBeNull();
  });
});

describe('invoke handler', () => {
  let lib: ReturnType<typeof openTempLibrary>;
  beforeAll(() => {
    lib = openTempLibrary();
  });
  afterAll(() => lib.close());

  it('runs the method for the app page and returns the ok envelope', async () => {
    const handler = createInvokeHandler('library.info', lib);
    const envelope = (await handler(top('app://renderer/index.html'), {})) as Extract<InvokeEnvelope, { ok: true }>;
    expect(envelope.ok).toBe(true);
    expect(envelope.value).toMatchObject({ counts: { sources: 0, claims: 0, briefs: 0 } });
  });

  it('refuses other senders without touching the library', async () => {
    const spy: LibraryInvoker = { invokeUnknown: vi.fn(async () => 'should not run') };
    const refused = vi.fn();
    const handler = createInvokeHandler('library.backup', spy, refused);
    for (const event of [
      top('https://example.org/'),
      sub('app://renderer/index.html'),
      { senderFrame: null },
      top('app://print/a.html'),
    ]) {
      const envelope = await handler(event, { outFile: '/tmp/exfiltrated.db' });
      expect(envelope).toEqual({
        ok: false,
        error: { code: 'NOT_AVAILABLE', message: expect.stringMatching(/refused/) as string },
      });
    }
    expect(spy.invokeUnknown).not.toHaveBeenCalled();
    expect(refused).toHaveBeenCalledTimes(4);
  });

  it('validates input with the contract schema (INVALID_INPUT, nothing written)', async () => {
    const handler = createInvokeHandler('briefs.create', lib);
    const bad = await handler(top('app://renderer/index.html'), { title: '', marking: 'NOT A MARKING' });
    expect(bad.ok).toBe(false);
    expect(bad.ok === false && bad.error.code).toBe('INVALID_INPUT');
    const wrongType = await handler(top('app://renderer/index.html'), 'not an object');
    expect(wrongType.ok === false && wrongType.error.code).toBe('INVALID_INPUT');
    expect((await lib.invoke('library.info', {})).counts.briefs).toBe(0);
  });

  it('refuses a file path a page sends, by parsing with the page schema, and writes nothing there', async () => {
    const app = top('app://renderer/index.html');
    const brief = await lib.invoke('briefs.create', { title: 'Path attempt', template: 'empty' });
    const target = lib.dir.path('chosen-by-page.pdf');
    const attempts = [
      await createInvokeHandler('briefs.exportPdf', lib)(app, { briefId: brief.id, outFile: target }),
      await createInvokeHandler('library.backup', lib)(app, { outFile: lib.dir.path('chosen-by-page.db') }),
      await createInvokeHandler('library.restore', lib)(app, { backupFile: lib.dir.path('elsewhere.db') }),
    ];
    for (const envelope of attempts) {
      expect(envelope).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: expect.stringMatching(/cannot choose a file on disk/) as string },
      });
    }
    expect(existsSync(target)).toBe(false);
    expect(existsSync(lib.dir.path('chosen-by-page.db'))).toBe(false);
    // The same input from a trusted caller (the CLI) is the full input: the path is accepted.
    await expect(lib.invokeUnknown('library.backup', { outFile: lib.dir.path('by-cli.db') })).resolves.toMatchObject({
      bytes: expect.any(Number) as number,
    });
    expect(existsSync(lib.dir.path('by-cli.db'))).toBe(true);
  });

  it('carries an AppError from the service as its code and sentence, never a stack', async () => {
    const handler = createInvokeHandler('briefs.get', lib);
    const envelope = await handler(top('app://renderer/index.html'), { briefId: 999 });
    expect(envelope).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) as string } });
    expect(JSON.stringify(envelope)).not.toMatch(/\bat .+\.ts:\d+/);
  });
});
