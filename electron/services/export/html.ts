// Escaping for the print document. Everything a brief holds is user content: it reaches the
// HTML only through these functions, never as markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Right-to-left letters and explicit bidi controls: text with any of them needs isolating from
 * the sentence around it. Hebrew to Arabic Extended (U+0590–08FF), their presentation forms,
 * the historic RTL scripts of the supplementary planes, and the embedding/override/isolate controls.
 */
const NEEDS_ISOLATION =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202A-\u202E\u2066-\u2069\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * A name or title set inside other text (a note's source line, an appendix row): escaped, and
 * wrapped in <bdi> when it holds right-to-left text so it cannot reorder the punctuation and
 * numbers around it. Left-to-right text is left bare: every element is another tagged node the
 * printer lays out and writes into the PDF's structure tree.
 */
export function isolated(text: string): string {
  return NEEDS_ISOLATION.test(text) ? `<bdi>${escapeHtml(text)}</bdi>` : escapeHtml(text);
}

/**
 * A link target the PDF may carry: only absolute http, https and mailto URLs, returned in
 * canonical form (so `javascript:` and friends, relative paths and `file:` never pass);
 * null for anything else.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const trimmed = url.trim();
  if (!/^(https?:|mailto:)/i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    if (!['http:', 'https:', 'mailto:'].includes(parsed.protocol)) return null;
    return parsed.href;
  } catch {
    return null;
  }
}

/** A dir attribute value from Lexical's `direction` field: explicit when known, else left to the text. */
export function dirOf(direction: unknown): 'ltr' | 'rtl' | 'auto' {
  return direction === 'rtl' || direction === 'ltr' ? direction : 'auto';
}

/** A BCP 47 language tag fit for a lang attribute, or null. */
export function safeLang(language: string | null | undefined): string | null {
  return language && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "26 November 2026" from an ISO date-time (UTC, so the same export prints the same date everywhere). */
export function longDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "2026-11-26 16:40 UTC" from an ISO date-time. */
export function stampUtc(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
