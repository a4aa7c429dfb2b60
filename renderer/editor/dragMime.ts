// The drag-and-drop data types the editor accepts from the rest of the workspace.

/** Drag data type for a claim card from the library: the value is the claim id. */
export const CLAIM_DRAG_MIME = 'application/x-briefing-claim-id';
/** Drag data type for a citation (e.g. a passage in the reader): the value is the citation id. */
export const CITATION_DRAG_MIME = 'application/x-briefing-citation-id';
