// The anchoring algorithm's public face: normalize a text, anchor a passage in it, find the
// passage again in a later version (DESIGN.md §5).
export { normalizeText } from './normalize';
export { CONTEXT_LENGTH, createAnchor, findExactOccurrences, type TextAnchor } from './anchor';
export { ACCEPT_SCORE, reanchor, type AnchorStatus, type ReanchorResult } from './reanchor';
