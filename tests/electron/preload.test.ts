// The preload exposes `window.briefing` with exactly `invoke` and `on`: invoke only for contract
// methods (unwrapping the envelope, failing with a code the page can read), on only for the
// listed events, and listeners get the payload — never Electron's event object. The bridge
// core runs on a fake ipcRenderer; the thin entry runs with 'electron' mocked.
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { EVENTS, METHODS } from '../../shared/api/contract';
import { isAppErrorPayload } from '../../shared/api/errors';
import { createBridge, type BridgeIpc } from '../../electron/preload/bridge';

class FakeIpc extends EventEmitter implements BridgeIpc {
  answer: unknown = { ok: true, value: { fine: true } };
  invoked: Array<{ channel: string; args: unknown[] }> = [];
  async invoke(channel: string, ...args: unknown[]) {
    this.invoked.push({ channel, args });
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('preload bridge', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const bridge = createBridge(new FakeIpc());
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('invokes a contract method on its own channel and returns the unwrapped value', async () => {
    const ipc = new FakeIpc();
    const bridge = createBridge(ipc);
    await expect(bridge.invoke('library.info', {})).resolves.toEqual({ fine: true });
    expect(ipc.invoked).toEqual([{ channel: 'briefing:invoke:library.info', args: [{}] }]);
  });

  it('refuses names that are not contract methods without sending anything', async () => {
    const ipc = new FakeIpc();
    const bridge = createBridge(ipc);
    for (const name of ['shell.openExternal', 'constructor', '__proto__', 'toString', 'library.info ', '', 42, null]) {
      const error = await rejection(bridge.invoke(name as never, {}));
      expect(isAppErrorPayload(error), String(name)).toBe(true);
      expect((error as { code: string }).code).toBe('INVALID_INPUT');
    }
    expect(ipc.invoked).toEqual([]);
  });

  it('accepts every contract method', async () => {
    const ipc = new FakeIpc();
    const bridge = createBridge(ipc);
    for (const method of METHODS) await bridge.invoke(method, {});
    expect(ipc.invoked.map((call) => call.channel)).toEqual(METHODS.map((m) => `briefing:invoke:${m}`));
  });

  it('rejects with a plain { code, message } that survives contextBridge (an Error would lose its code)', async () => {
    const ipc = new FakeIpc();
    ipc.answer = { ok: false, error: { code: 'NOT_FOUND', message: 'There is no brief with id 9.' } };
    const error = await rejection(createBridge(ipc).invoke('briefs.get', { briefId: 9 }));
    expect(error).toEqual({ name: 'AppError', code: 'NOT_FOUND', message: 'There is no brief with id 9.' });
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
    expect(structuredClone(error)).toEqual(error);
  });

  it('turns an unreadable answer or a failed send into a coded error without leaking details', async () => {
    const ipc = new FakeIpc();
    ipc.answer = { weird: true };
    expect(await rejection(createBridge(ipc).invoke('library.info', {}))).toMatchObject({ code: 'INTERNAL' });
    ipc.answer = new Error("Error invoking remote method 'x': secret stack at /home/user/app.js:1");
    const failed = await rejection(createBridge(ipc).invoke('library.info', {}));
    expect(failed).toMatchObject({ code: 'NOT_AVAILABLE' });
    expect(JSON.stringify(failed)).not.toContain('secret');
    ipc.answer = new Error('An object could not be cloned.');
    expect(await rejection(createBridge(ipc).invoke('library.info', {}))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('subscribes only to the listed events', () => {
    const ipc = new FakeIpc();
    const bridge = createBridge(ipc);
    for (const event of EVENTS) expect(() => bridge.on(event, () => {})).not.toThrow();
    for (const name of [
      'briefing:invoke:library.backup',
      'library.info',
      'ELECTRON_BROWSER_WINDOW_ALERT',
      '',
      'menu.command ',
    ]) {
      expect(() => bridge.on(name as never, () => {}), name).toThrow();
    }
    expect(() => bridge.on('menu.command', 'not a function' as never)).toThrow();
    expect(ipc.eventNames().sort()).toEqual(EVENTS.map((e) => `briefing:event:${e}`).sort());
  });

  it('hands listeners the payload only, never the IpcRendererEvent', () => {
    const ipc = new FakeIpc();
    const listener = vi.fn();
    createBridge(ipc).on('menu.command', listener);
    const ipcEvent = { sender: { send: () => {} }, ports: [] };
    ipc.emit('briefing:event:menu.command', ipcEvent, { command: 'new-brief' }, 'extra');
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ command: 'new-brief' }]);
  });

  it('unsubscribes with the function on returns', () => {
    const ipc = new FakeIpc();
    const listener = vi.fn();
    const off = createBridge(ipc).on('library.changed', listener);
    off();
    off();
    ipc.emit('briefing:event:library.changed', {}, null);
    expect(listener).not.toHaveBeenCalled();
    expect(ipc.listenerCount('briefing:event:library.changed')).toBe(0);
  });
});

describe('preload entry (electron mocked)', () => {
  it('exposes one key, "briefing", built by createBridge, and nothing else', async () => {
    const exposed: Record<string, unknown> = {};
    vi.doMock('electron', () => ({
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
      ipcRenderer: new FakeIpc(),
    }));
    await import('../../electron/preload/index');
    expect(Object.keys(exposed)).toEqual(['briefing']);
    expect(Object.keys(exposed.briefing as object).sort()).toEqual(['invoke', 'on']);
    vi.doUnmock('electron');
  });
});

describe('built preload', () => {
  // Every window loads the preload before the page; it checks method names against a plain
  // list (shared/api/methods.ts) and must not drag the schemas and zod in with it.
  it('bundles no schema library', () => {
    const built = readFileSync(join(process.cwd(), 'dist/electron/preload.cjs'), 'utf8');
    expect(built).toContain('library.info');
    expect(built).not.toMatch(/ZodError|zod/i);
    expect(built.length).toBeLessThan(50_000);
  });
});
