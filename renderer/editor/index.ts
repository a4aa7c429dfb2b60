// The editor's public interface for the rest of the renderer.
export { BriefEditor, type BriefEditorProps, type BriefEditorStatus } from './BriefEditor';
export {
  CITATION_DRAG_MIME,
  CLAIM_DRAG_MIME,
  hasInsertTarget,
  requestInsertCitation,
  requestInsertClaim,
  requestOpenClaimPicker,
} from './editorCommands';
export { EDITOR_SHORTCUTS } from './editorShortcuts';
export { editorStats, resetEditorStats, type BriefingEditorStats } from './editorStats';
export { invalidateClaim, primeClaims, refreshClaims } from './state/claimStore';
