// The app's own origin. The renderer is served from `app://renderer/…` (never file://), print
// documents from `app://print/…`. Every trust decision in electron/main compares against these.

/** The privileged custom scheme registered before the app is ready. */
export const APP_SCHEME = 'app';
/** Host that serves the built renderer (dist/renderer). */
export const RENDERER_HOST = 'renderer';
/** Host that serves one-shot, in-memory print documents to the hidden print window. */
export const PRINT_HOST = 'print';

/** The origin IPC requests must come from. */
export const APP_ORIGIN = `${APP_SCHEME}://${RENDERER_HOST}`;
/** What the main window loads. */
export const RENDERER_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL without throwing: null for anything that is not an absolute URL. */
export function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 32_768) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when `url` is a page of the app itself: `app://renderer/…`, no credentials, no port. */
export function isRendererUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === RENDERER_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
