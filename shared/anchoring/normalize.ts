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
/** C0/C1 control characters other than tab and newline. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Horizontal white space, including no-break and other Unicode spaces. */
const HORIZONTAL_SPACE_RUN = /[\t \u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * Normalizes text for storage and anchoring: Unicode NFC, `\n` line endings, runs of
 * horizontal space collapsed to one space, no space at line ends, at most one blank line
 * between paragraphs, no leading or trailing blank space. Idempotent.
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(DISGUISING_CHARS, '')
    .replace(TAG_CHARS, (_run, flag: string | undefined) => flag ?? '')
    .replace(CONTROL_CHARS, '')
    .replace(HORIZONTAL_SPACE_RUN, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
