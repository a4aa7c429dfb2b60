// The one text normalization of the app (DESIGN.md §5). Import runs every source through it
// before storing a version, and anchor positions are UTF-16 offsets into its output, so the
// renderer and the CLI must use this same function on any text they compare with a source.

/** Invisible characters that only serve to disguise text: zero-width space, BOM, word joiner,
 * and the bidi embedding/override/isolate controls ("Trojan Source"). ZWJ and ZWNJ stay:
 * emoji sequences and Persian/Indic spelling need them. LRM/RLM stay: they carry meaning in
 * right-to-left text. */
const DISGUISING_CHARS = /[\u200B\uFEFF\u2060\u202A-\u202E\u2066-\u2069]/g;
/** Unicode tag characters draw nothing, yet can carry hidden ASCII ("ASCII smuggling", e.g.
 * instructions to a language model). Their one real use, a subdivision flag (🏴 + tags +
 * cancel tag, e.g. the flag of Scotland), is kept whole. */
const TAG_CHARS = /(\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})|[\u{E0000}-\u{E007F}]+/gu;

/** Text without the invisible characters that only serve to disguise it (see DISGUISING_CHARS and TAG_CHARS). */
export function removeDisguisingChars(text: string): string {
  return text.replace(DISGUISING_CHARS, '').replace(TAG_CHARS, (_run, flag: string | undefined) => flag ?? '');
}
/** Control characters (C0, DEL, C1) other than tab and the line ends CR, LF and NEL, which become `\n` later. */
const CONTROL_CHARS = /(?![\t\n\r\u0085])\p{Cc}/gu;
/** A half of a surrogate pair without its other half: no character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Horizontal white space: tab and every Unicode space separator (space, no-break space, em space, …). */
const HORIZONTAL_SPACE_RUN = /[\t\p{Zs}]+/gu;

/**
 * Normalizes text for storage and anchoring: Unicode NFC, `\n` line endings, runs of
 * horizontal space collapsed to one space, no space at line ends, at most one blank line
 * between paragraphs, no leading or trailing blank space. Idempotent:
 * normalizeText(normalizeText(x)) === normalizeText(x) for every string x.
 */
export function normalizeText(raw: string): string {
  // The order is what makes it idempotent. Lone surrogate halves go first (as U+FFFD, which is
  // what SQLite's UTF-8 would store): removing a character between two of them would join them
  // into a new character, possibly a tag character. Invisible and control characters go next,
  // all before NFC, which runs last: a mark separated from its letter by one of them, "e\u200B\u0301",
  // composes only once nothing stands between them. NFC itself brings back none of what the
  // earlier steps remove (its only space-like results, EN and EM SPACE from EN and EM QUAD, are
  // collapsed before it runs).
  const cleaned = removeDisguisingChars(raw.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL_CHARS, ''));
  return cleaned
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(HORIZONTAL_SPACE_RUN, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .normalize('NFC');
}
