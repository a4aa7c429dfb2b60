// Commands between the editor's own plugins (toolbar, shortcuts, slash menu).
import { createCommand, type LexicalCommand } from 'lexical';

/** Opens the claim picker (the `/claim` typeahead) at the caret. */
export const OPEN_CLAIM_PICKER_COMMAND: LexicalCommand<void> = createCommand('OPEN_CLAIM_PICKER_COMMAND');
/** Opens the toolbar's link editor for the selection. */
export const OPEN_LINK_EDITOR_COMMAND: LexicalCommand<void> = createCommand('OPEN_LINK_EDITOR_COMMAND');
