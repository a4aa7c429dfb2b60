// Pure decisions of the app protocol: which file (or print document) a request URL names, or
// why it is refused. No Electron here, so every refusal is unit-tested in plain Node.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_SCHEME, PRINT_HOST, RENDERER_HOST } from './appUrl';

export type AppRequest =
  | { kind: 'file'; filePath: string; mimeType: string }
  | { kind: 'print'; documentId: string }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405; reason: string };

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a file name; null for a type the renderer never ships (refused, not sniffed). */
export function mimeTypeFor(filePath: string): string | null {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? null;
}

/**
 * Percent-escapes that could rebuild a separator or a dot segment after decoding (`%2e`, `%2f`,
 * `%5c`), a NUL, or a double encoding (`%25`). Built assets never need them, so they are refused
 * outright rather than decoded and checked.
 */
const DANGEROUS_ESCAPE = /%(2e|2f|5c|00|25)/i;
const PRINT_DOCUMENT_ID = /^\/([A-Za-z0-9_-]{16,128})\.html$/;

function refuse(status: 400 | 403 | 404 | 405, reason: string): AppRequest {
  return { kind: 'refused', status, reason };
}

/** The path part of a URL exactly as written (before the URL parser normalizes dot segments). */
function rawPathOf(url: string): string {
  const afterScheme = url.slice(url.indexOf('://') + 3);
  const slash = afterScheme.indexOf('/');
  if (slash < 0) return '/';
  return afterScheme.slice(slash).split(/[?#]/, 1)[0]!;
}

/**
 * Decides what `app://…` request `url` may receive. Only GET/HEAD; only the hosts `renderer`
 * (files strictly inside `rendererRoot`) and `print` (an in-memory document id). Refuses
 * traversal, encoded traversal, backslashes, absolute or drive paths, credentials, ports and
 * other hosts. The caller still checks the file's real path (symlinks) before reading it.
 */
export function resolveAppRequest(url: string, rendererRoot: string, method = 'GET'): AppRequest {
  if (method !== 'GET' && method !== 'HEAD') return refuse(405, `method ${method} is not allowed`);
  if (typeof url !== 'string' || !url.toLowerCase().startsWith(`${APP_SCHEME}://`))
    return refuse(400, 'not an app:// URL');
  if (url.includes('\\')) return refuse(400, 'backslash in URL');
  const rawPath = rawPathOf(url);
  if (DANGEROUS_ESCAPE.test(rawPath)) return refuse(400, 'encoded dot, slash, backslash, NUL or percent in path');
  if (/(^|\/)\.\.?(\/|$)/.test(rawPath)) return refuse(400, 'dot segment in path');

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(400, 'malformed URL');
  }
  if (parsed.username || parsed.password || parsed.port) return refuse(400, 'credentials or port in URL');

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return refuse(400, 'malformed percent-encoding');
  }
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.includes('//'))
    return refuse(400, 'NUL, backslash or empty segment in path');
  if (/^\/[A-Za-z]:/.test(pathname)) return refuse(400, 'drive letter in path');

  if (parsed.hostname === PRINT_HOST) {
    const match = PRINT_DOCUMENT_ID.exec(pathname);
    return match ? { kind: 'print', documentId: match[1]! } : refuse(404, 'no such print document');
  }
  if (parsed.hostname !== RENDERER_HOST) return refuse(403, `host "${parsed.hostname}" is not served`);

  const relativePath = pathname === '' || pathname === '/' ? 'index.html' : pathname.slice(1);
  if (isAbsolute(relativePath)) return refuse(400, 'absolute path');
  const root = resolve(rendererRoot);
  const filePath = resolve(root, relativePath);
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) {
    return refuse(403, 'path outside the renderer folder');
  }
  const mimeType = mimeTypeFor(filePath);
  if (mimeType === null) return refuse(404, 'file type is not served');
  return { kind: 'file', filePath, mimeType };
}

/** True when `realFile` (a resolved real path) still lies inside `realRoot`: catches symlinks out of dist/renderer. */
export function isInsideRoot(realRoot: string, realFile: string): boolean {
  const inside = relative(realRoot, realFile);
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
}
