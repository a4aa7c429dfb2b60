// The keys for "Export PDF…". The same as the app menu's accelerator (CmdOrCtrl+Shift+E,
// electron/main/menuTemplate.ts); free among the app-wide shortcuts (renderer/ui/keyboard.ts
// SHORTCUTS) and the editor's (renderer/editor/editorShortcuts.ts).
import type { Shortcut } from '../ui/keyboard';

export const EXPORT_PDF_SHORTCUT = { key: 'e', mod: true, shift: true } as const satisfies Shortcut;
