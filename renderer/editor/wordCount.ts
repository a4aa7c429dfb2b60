// Word counting for one block of text. Letters or digits in a run, with inner apostrophes or
// hyphens ("don't", "well-known"); works for Latin, Arabic, Hebrew and other spaced scripts.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;

/** The number of words in a piece of text. */
export function countWords(text: string): number {
  if (text === '') return 0;
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) n += 1;
  return n;
}
