// The offline guarantee, checked statically: no code of the app (main process, services, CLI,
// preload, renderer, shared) imports a networking module or calls a network API. The renderer's
// requests are checked at run time by the e2e specs (every request recorded, none off-origin),
// as are the library's (tests/helpers/recordSockets.ts: no socket, listener or name lookup from
// the process running the services, dependencies included, during the main flows), and the
// Electron session blocks network requests (tests/electron/navigation.test.ts).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const APP_FOLDERS = ['electron', 'shared', 'renderer'];

/** Node and npm modules that open sockets, and browser APIs that make requests. */
const NETWORK_IMPORTS =
  /from\s+['"](node:)?(net|http|https|http2|dgram|tls|dns|undici|ws|axios|node-fetch|got)['"]|require\(\s*['"](node:)?(net|http|https|http2|dgram|tls|dns)['"]\s*\)/;
const NETWORK_CALLS =
  /\b(fetch|XMLHttpRequest|WebSocket|EventSource|RTCPeerConnection)\s*\(|navigator\.sendBeacon|new\s+(XMLHttpRequest|WebSocket|EventSource|RTCPeerConnection)\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs|cjs|js)$/.test(name) ? [path] : [];
  });
}

/** Code without comments, so a comment that mentions fetch() is not a finding. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('no network code in the app', () => {
  const files = APP_FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));

  it('scans the whole app', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('imports no networking module and calls no network API', () => {
    const findings = files.flatMap((file) => {
      const text = code(file);
      return [NETWORK_IMPORTS, NETWORK_CALLS].flatMap((pattern) => {
        const match = pattern.exec(text);
        return match ? [`${relative(ROOT, file)}: ${match[0]}`] : [];
      });
    });
    expect(findings).toEqual([]);
  });

  it('would notice one (the check itself works)', () => {
    expect(NETWORK_IMPORTS.test(`import { request } from 'node:https';`)).toBe(true);
    expect(NETWORK_IMPORTS.test(`const net = require('net');`)).toBe(true);
    expect(NETWORK_CALLS.test(`await fetch('https://example.org')`)).toBe(true);
    expect(NETWORK_CALLS.test(`new WebSocket(url)`)).toBe(true);
    expect(NETWORK_CALLS.test(`const prefetched = 1;`)).toBe(false);
  });
});
