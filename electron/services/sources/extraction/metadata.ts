// What a document says about itself — title, author, publisher, published date, language —
// cut to one line of plain text no longer than the API accepts, and dates in the ISO forms it takes.
import { normalizeText } from '../../../../shared/anchoring/normalize';

/** What a web page says about itself, before Readability's findings are weighed against it. */
export interface PageMetadata {
  title: string | null;
  author: string | null;
  publisher: string | null;
  /** Dated metadata: `preferred` beats Readability's JSON-LD date, which beats `fallback` (a <time> in the page). */
  publishedAt: { preferred: string | null; fallback: string | null };
  language: string | null;
}

const PUBLISHED_META = [
  'article:published_time',
  'datepublished',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.date',
  'dcterms.created',
  'citation_publication_date',
  'citation_date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'sailthru.date',
  'parsely-pub-date',
  'og:published_time',
];

/** Reads what the page says about itself: meta tags, <title>, <time> and <html lang>, wherever they are in the page. */
export function readPageMetadata(doc: Document): PageMetadata {
  const metas = new Map<string, string>();
  for (const meta of Array.from(doc.querySelectorAll('meta[content]'))) {
    const content = meta.getAttribute('content') ?? '';
    for (const attribute of ['property', 'name', 'itemprop', 'http-equiv']) {
      for (const key of (meta.getAttribute(attribute) ?? '').toLowerCase().split(/\s+/)) {
        if (key !== '' && !metas.has(key)) metas.set(key, content);
      }
    }
  }
  const meta = (...keys: string[]) => firstOf(...keys.map((key) => metas.get(key)));

  const timeValues = [
    'time[pubdate][datetime]',
    '[itemprop~="datePublished"]',
    'article time[datetime]',
    'time[datetime]',
  ].map((selector) => {
    const el = doc.querySelector(selector);
    return el?.getAttribute('datetime') ?? el?.getAttribute('content') ?? null;
  });
  const root = doc.documentElement;

  return {
    title: firstOf(doc.title, meta('og:title', 'twitter:title')),
    author: firstOf(
      ...['author', 'dc.creator', 'dcterms.creator', 'article:author', 'parsely-author', 'sailthru.author'].map((key) =>
        authorName(metas.get(key)),
      ),
    ),
    publisher: oneLine(meta('og:site_name', 'dc.publisher', 'dcterms.publisher'), MAX_NAME_CHARS),
    publishedAt: {
      preferred: firstDate(PUBLISHED_META.map((key) => metas.get(key))),
      fallback: firstDate(timeValues),
    },
    language: firstLanguage([
      root?.getAttribute('lang'),
      root?.getAttribute('xml:lang'),
      metas.get('content-language'),
      metas.get('dc.language'),
      metas.get('og:locale'),
    ]),
  };
}

/** The longest metadata values the API accepts (shared/api/sources.ts); longer ones are cut, not refused. */
const MAX_TITLE_CHARS = 500;
export const MAX_NAME_CHARS = 300;
const MAX_LANGUAGE_CHARS = 35;

/** Metadata is one line of plain text, no longer than the API accepts. */
export function oneLine(value: string | null | undefined, max = MAX_TITLE_CHARS): string | null {
  if (value === null || value === undefined) return null;
  const line = normalizeText(value).replace(/\s*\n\s*/g, ' ');
  return line === '' ? null : line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The first of the values that is a non-empty line, as that line. */
export function firstOf(...values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const line = oneLine(value);
    if (line !== null) return line;
  }
  return null;
}

/** A byline as a name: "By Jane Doe" → "Jane Doe"; a profile URL (article:author often is one) is not a name. */
export function authorName(value: string | null | undefined): string | null {
  const line = oneLine(value, MAX_NAME_CHARS)?.replace(/^by\s+/i, '') ?? null;
  return line === null || line === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(line) ? null : line;
}

function firstDate(values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const date = toIsoDate(value);
    if (date !== null) return date;
  }
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * A published date in the ISO 8601 forms the API accepts: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as
 * written when the page gives no time or no zone (converting would invent a zone), a UTC
 * timestamp (`…T…Z`) when it gives both.
 */
export function toIsoDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  const partial = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (partial) {
    const [, year, month] = partial;
    return calendarDate(Number(year), Number(month ?? 1), 1) === null ? null : value;
  }
  const day = /^(\d{4})([-/]?)(\d{2})\2(\d{2})$/.exec(value);
  if (day) return calendarDate(Number(day[1]), Number(day[3]), Number(day[4]));
  const stamp =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(value);
  if (stamp) {
    const [, y, mo, d, h, mi, s, zone] = stamp;
    const date = calendarDate(Number(y), Number(mo), Number(d));
    if (date === null || zone === undefined) return date;
    const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
    return utcTimestamp(Date.parse(`${date}T${h}:${mi}:${s ?? '00'}${offset}`)) ?? date;
  }
  // Other spellings ("Tue, 05 Mar 2024 10:00:00 GMT", "March 5, 2024"): JavaScript's parser reads
  // them, but it also turns junk like "1" into a year, so insist on a four-digit year.
  if (!/\b\d{4}\b/.test(value)) return null;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const hasTime = /\d:\d\d/.test(value);
  const hasZone = /(?:\b(?:GMT|UTC|Z)\b|[+-]\d{2}:?\d{2}\s*$)/i.test(value);
  if (hasTime && hasZone) return utcTimestamp(time);
  // Without a zone the parser read local time, so the local calendar fields are the day as written.
  const date = new Date(time);
  return calendarDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

function utcTimestamp(time: number): string | null {
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  const year = date.getUTCFullYear();
  return year >= 1000 && year <= 9999 ? date.toISOString() : null;
}

function firstLanguage(values: Array<string | null | undefined>): string | null {
  for (const value of values) {
    const tag = value
      ?.trim()
      .replace(/_/g, '-')
      .split(/[\s,;]/)[0];
    if (!tag) continue;
    try {
      const canonical = Intl.getCanonicalLocales(tag)[0];
      if (canonical !== undefined && canonical.length <= MAX_LANGUAGE_CHARS) return canonical;
    } catch {
      // Not a language tag; try the next source.
    }
  }
  return null;
}
