// Plain text: taken as it is. Characters that look like Markdown or HTML stay characters, and
// nothing is parsed, however large the text; normalization (index.ts) does the rest.
import { NO_METADATA, type RawExtract } from './types';

/** The text of a plain-text document: itself, with no metadata (a text file states none). */
export function extractFromText(content: string): RawExtract {
  return { ...NO_METADATA, text: content };
}
