// Pure decisions about leaving the app: navigations, new windows, and requests. The page may
// never navigate away or open a window; an http(s) link may be handed to the system browser,
// and only after the user confirms.
import { APP_SCHEME, isRendererUrl, parseUrl } from './appUrl';

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The URL to hand to the system browser, normalized, or null. Only http and https with a host
 * and without credentials: never file:, javascript:, data:, mailto:, custom schemes, or
 * `https://user:pass@…` links whose visible text can mislead.
 */
export function externalUrlToOpen(url: unknown): string | null {
  const parsed = parseUrl(typeof url === 'string' ? url.trim() : url);
  if (!parsed || !EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if (!parsed.hostname || parsed.username || parsed.password) return null;
  return parsed.href;
}

export type LeaveDecision = { action: 'deny'; offerExternal: string | null };

/** `will-navigate` (and redirects): always prevented; an http(s) target may be offered to the browser. */
export function decideNavigation(url: unknown): LeaveDecision {
  return { action: 'deny', offerExternal: externalUrlToOpen(url) };
}

/** `setWindowOpenHandler`: no window is ever created; an http(s) target may be offered to the browser. */
export function decideWindowOpen(url: unknown): LeaveDecision {
  return { action: 'deny', offerExternal: externalUrlToOpen(url) };
}

export interface ExternalOpener {
  /** Asks the user whether to open `url` in the system browser; resolves true only on an explicit yes. */
  confirm: (url: string) => Promise<boolean>;
  /** Opens an already vetted http(s) URL in the system browser. */
  open: (url: string) => Promise<void>;
}

/**
 * Hands `url` to the system browser if it is http(s) and the user confirms; returns whether it
 * was opened. Anything else is dropped without asking.
 */
export async function openExternallyIfConfirmed(url: unknown, opener: ExternalOpener): Promise<boolean> {
  const safe = externalUrlToOpen(url);
  if (safe === null) return false;
  if (!(await opener.confirm(safe))) return false;
  await opener.open(safe);
  return true;
}

/** The question the confirmation dialog asks, with the full URL so the user sees where it goes. */
export function externalLinkPrompt(url: string): { message: string; detail: string } {
  return {
    message: 'Open this link in your web browser?',
    detail: `${url}\n\nBriefing Composer works offline; the link will be opened by your system browser, outside the app.`,
  };
}

/** Schemes a page of the app may load subresources from; everything else (http, https, ws, ftp, file…) is blocked. */
const ALLOWED_REQUEST_PROTOCOLS = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:', 'chrome-extension:']);

/** Defense in depth behind the CSP: true when a request from any web contents must be cancelled. */
export function shouldBlockRequest(url: unknown): boolean {
  const parsed = parseUrl(url);
  return parsed === null || !ALLOWED_REQUEST_PROTOCOLS.has(parsed.protocol);
}

/**
 * One external-link handler per app: while a confirmation is open, further requests are
 * dropped, so a page cannot stack dialogs by calling window.open in a loop.
 */
export function createExternalLinkHandler(opener: ExternalOpener): (url: unknown) => Promise<boolean> {
  let asking = false;
  return async (url) => {
    if (asking || externalUrlToOpen(url) === null) return false;
    asking = true;
    try {
      return await openExternallyIfConfirmed(url, opener);
    } finally {
      asking = false;
    }
  };
}

/**
 * Downloads are allowed only for data the app's own page made (a blob: or data: URL, e.g. an
 * exported PDF), and then only through the native save dialog. Anything fetched from elsewhere
 * is cancelled.
 */
export function isAllowedDownload(downloadUrl: unknown, pageUrl: unknown): boolean {
  if (!isRendererUrl(pageUrl)) return false;
  const parsed = parseUrl(downloadUrl);
  if (!parsed) return false;
  if (parsed.protocol === 'data:') return true;
  // blob:app://renderer/<uuid> — a blob minted by the app's own origin.
  return parsed.protocol === 'blob:' && isRendererUrl(parsed.pathname);
}
