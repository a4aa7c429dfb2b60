// The app:// protocol serves only the app's own built files: path traversal, encoded traversal,
// backslashes, absolute paths, other hosts and symlinks out of the folder are refused; index and
// assets are served with the right MIME type and the strict CSP header. The real handler runs on
// real files in a temporary folder.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDERER_CSP, PRINT_CSP } from '../../electron/main/contentSecurityPolicy';
import { createPrintDocumentStore } from '../../electron/main/printDocuments';
import { createPrintHandler, createRendererHandler } from '../../electron/main/protocolHandlers';
import { mimeTypeFor, resolveAppRequest } from '../../electron/main/protocolPaths';
import { makeTempDir, type TempDir } from '../helpers/tempDir';

let tmp: TempDir;
let root: string;

beforeAll(() => {
  tmp = makeTempDir('briefing-protocol-');
  root = join(tmp.dir, 'dist', 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'noto-sans-latin-400-normal.woff2'), 'wOF2');
  writeFileSync(join(root, 'assets', 'file with space.svg'), '<svg/>');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'library password');
  writeFileSync(join(tmp.dir, 'dist', 'secret.js'), 'secret');
  mkdirSync(join(root, 'folder.js'));
  symlinkSync(join(tmp.dir, 'secret.txt'), join(root, 'assets', 'escape.txt'));
  symlinkSync(tmp.dir, join(root, 'linkdir'));
});
afterAll(() => tmp.remove());

const get = (url: string, method = 'GET') => createRendererHandler(root)(new Request(url, { method }));

describe('app protocol path resolution (pure)', () => {
  it('maps the origin root and /index.html to index.html', () => {
    for (const url of [
      'app://renderer/',
      'app://renderer',
      'app://renderer/index.html',
      'app://renderer/index.html?x=1#top',
    ]) {
      const decision = resolveAppRequest(url, root);
      expect(decision).toMatchObject({
        kind: 'file',
        filePath: join(root, 'index.html'),
        mimeType: 'text/html; charset=utf-8',
      });
    }
  });

  it.each([
    ['dot-dot traversal', 'app://renderer/../secret.txt'],
    ['nested dot-dot traversal', 'app://renderer/assets/../../secret.js'],
    ['single-dot segment', 'app://renderer/./index.html'],
    ['encoded dots (lower case)', 'app://renderer/%2e%2e/secret.js'],
    ['encoded dots (upper case)', 'app://renderer/%2E%2E/%2E%2E/secret.txt'],
    ['half-encoded dots', 'app://renderer/.%2e/secret.js'],
    ['encoded slash', 'app://renderer/..%2fsecret.js'],
    ['encoded backslash', 'app://renderer/..%5csecret.js'],
    ['double encoding', 'app://renderer/%252e%252e/secret.js'],
    ['raw backslash', 'app://renderer/..\\secret.js'],
    ['encoded NUL', 'app://renderer/index.html%00.js'],
    ['absolute path', 'app://renderer//etc/passwd'],
    ['drive letter', 'app://renderer/C:/Windows/win.ini'],
    ['credentials', 'app://user:pw@renderer/index.html'],
    ['a port', 'app://renderer:8080/index.html'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppRequest(url, root).kind).toBe('refused');
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['the file host', 'app://localhost/etc/passwd'],
    ['an upper-case host (not the canonical origin)', 'app://RENDERER/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['http', 'http://renderer/index.html'],
  ])('refuses %s', (_what, url) => {
    expect(resolveAppRequest(url, root)).toMatchObject({ kind: 'refused' });
  });

  it('refuses methods other than GET and HEAD', () => {
    expect(resolveAppRequest('app://renderer/index.html', root, 'POST')).toMatchObject({
      kind: 'refused',
      status: 405,
    });
    expect(resolveAppRequest('app://renderer/index.html', root, 'HEAD').kind).toBe('file');
  });

  it('refuses file types the renderer never ships instead of sniffing them', () => {
    expect(resolveAppRequest('app://renderer/library.db', root)).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppRequest('app://renderer/run.sh', root)).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('knows the MIME types of what Vite emits', () => {
    expect(mimeTypeFor('a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.PNG')).toBe('image/png');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
  });

  it('maps print documents to their id and nothing else', () => {
    expect(resolveAppRequest('app://print/abcdefghijklmnopqrstuvwx.html', root)).toEqual({
      kind: 'print',
      documentId: 'abcdefghijklmnopqrstuvwx',
    });
    expect(resolveAppRequest('app://print/short.html', root).kind).toBe('refused');
    expect(resolveAppRequest('app://print/abcdefghijklmnopqrstuvwx.html/../x', root).kind).toBe('refused');
  });
});

describe('app protocol handler on real files', () => {
  it('serves index.html and assets with their MIME type and the strict CSP', async () => {
    for (const [url, type] of [
      ['app://renderer/', 'text/html; charset=utf-8'],
      ['app://renderer/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
      ['app://renderer/assets/index-abc123.css', 'text/css; charset=utf-8'],
      ['app://renderer/assets/noto-sans-latin-400-normal.woff2', 'font/woff2'],
      ['app://renderer/assets/file%20with%20space.svg', 'image/svg+xml'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await (await get('app://renderer/assets/index-abc123.js')).text()).toBe('console.log(1)');
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://renderer/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('never returns a file outside dist/renderer, however the path is written', async () => {
    for (const url of [
      'app://renderer/%2e%2e/secret.js',
      'app://renderer/%2e%2e/%2e%2e/secret.txt',
      'app://renderer/..%2f..%2fsecret.txt',
      'app://renderer/assets/escape.txt', // symlink to a file outside
      'app://renderer/linkdir/secret.txt', // symlinked folder outside
      'app://evil/index.html',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      const body = await response.text();
      expect(body, url).not.toContain('library password');
      expect(body, url).not.toContain('secret');
    }
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await get('app://renderer/assets/missing.js')).status).toBe(404);
    expect((await get('app://renderer/folder.js')).status).toBe(404);
  });

  it('refuses the print host on the renderer session', async () => {
    expect((await get('app://print/abcdefghijklmnopqrstuvwx.html')).status).toBe(404);
  });
});

describe('print documents', () => {
  it('serves a registered document with the no-script print CSP until it is released', async () => {
    const store = createPrintDocumentStore();
    const handler = createPrintHandler(store);
    const doc = store.add('<!doctype html><p>brief</p>');
    expect(doc.url).toMatch(/^app:\/\/print\/[A-Za-z0-9_-]{32}\.html$/);
    const response = await handler(new Request(doc.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(PRINT_CSP);
    expect(await response.text()).toContain('brief');
    doc.release();
    expect(store.size).toBe(0);
    expect((await handler(new Request(doc.url))).status).toBe(404);
  });

  it('serves no renderer files on the print session', async () => {
    const handler = createPrintHandler(createPrintDocumentStore());
    expect((await handler(new Request('app://renderer/index.html'))).status).toBe(404);
  });

  it('makes unguessable ids', () => {
    const store = createPrintDocumentStore();
    const urls = new Set(Array.from({ length: 50 }, () => store.add('x').url));
    expect(urls.size).toBe(50);
  });
});
