// Links in a brief may point only to http, https or mailto addresses, so no link can run script. One check,
// used by the link dialog, the LinkPlugin, the LinkNode guard transform and the paste sanitizer.

export const ALLOWED_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

export type LinkValidation = { ok: true; url: string } | { ok: false; message: string };

// C0 controls, DEL and whitespace: browsers ignore them inside a scheme ("java\tscript:").
// eslint-disable-next-line no-control-regex
const CONTROL_OR_SPACE = /[\u0000-\u001F\u007F\s]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const BARE_HOST = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d{1,5})?(?:[/?#].*)?$/i;

/** True when a stored URL is an absolute http, https or mailto address and nothing else. */
export function isAllowedLinkUrl(url: unknown): url is string {
  if (typeof url !== 'string' || url === '' || CONTROL_OR_SPACE.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!(ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(parsed.protocol)) return false;
  // The scheme the URL parser saw must be the scheme written (no "javascript:" hiding behind a
  // parser quirk), and web links need a host.
  const written = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (`${written}:` !== parsed.protocol) return false;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0;
  return parsed.hostname.length > 0;
}

/**
 * Checks what a person typed as a link address and returns the URL to store, or a sentence
 * saying why it was refused. "example.org" becomes https://example.org and "a@b.org" a mailto link.
 */
export function validateLinkUrl(input: string): LinkValidation {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter a link address.' };
  if (CONTROL_OR_SPACE.test(text))
    return { ok: false, message: 'A link address cannot contain spaces or control characters.' };
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  let candidate: string;
  if (
    scheme !== undefined &&
    !(scheme === 'localhost' || /^\d+$/.test(text.slice(scheme.length + 1, scheme.length + 2)))
  ) {
    if (!(ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(`${scheme}:`)) {
      return { ok: false, message: `“${scheme}:” links are not allowed. Use an http, https or mailto address.` };
    }
    candidate = text;
  } else if (EMAIL.test(text)) {
    candidate = `mailto:${text}`;
  } else if (BARE_HOST.test(text)) {
    candidate = `https://${text}`;
  } else {
    return { ok: false, message: 'Enter a full web address such as https://example.org, or an email address.' };
  }
  if (!isAllowedLinkUrl(candidate)) {
    return { ok: false, message: 'That is not a valid http, https or mailto address.' };
  }
  return { ok: true, url: candidate.startsWith('mailto:') ? candidate : new URL(candidate).href };
}
