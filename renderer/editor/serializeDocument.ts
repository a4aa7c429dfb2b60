// The one function that turns a whole editor state into the brief's stored JSON. Autosave calls
// it at most once per debounce window; nothing on the typing or caret path may call it.
import type { EditorState } from 'lexical';
import type { SerializedDocument } from '../../shared/briefs/document';
import { editorStats } from './editorStats';

/** Serializes the full document (counted in `editorStats.serializations`). */
export function serializeDocument(state: EditorState): SerializedDocument {
  editorStats.serializations += 1;
  return state.toJSON() as unknown as SerializedDocument;
}
