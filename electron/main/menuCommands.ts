// What the application menu asks the renderer to do. Sent as the payload of the `menu.command`
// event (shared/api/contract.ts EVENTS). The renderer runs the same action as its own button.

export const MENU_COMMANDS = ['new-brief', 'import-source', 'export-pdf', 'find', 'restore-backup'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The `menu.command` event payload. */
export interface MenuCommandPayload {
  command: MenuCommand;
  /**
   * With `import-source`: the files the user picked in the native open dialog (name and base64
   * bytes), to import as if picked in the page. Absent: the renderer shows its own import UI.
   */
  files?: Array<{ fileName: string; base64: string }>;
}
