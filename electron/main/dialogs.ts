// Native dialogs: confirm before leaving the app, choose where a backup goes, report results,
// and the save dialog for downloads the page makes (an exported PDF). Text lives here so every
// dialog reads alike; decisions live elsewhere.
import { dialog, type BrowserWindow, type MessageBoxOptions, type SaveDialogOptions } from 'electron';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_DIALOG_FILTERS } from './importFiles';
import { externalLinkPrompt } from './navigationPolicy';

/** Asks before handing an http(s) link to the system browser; resolves true only on "Open in Browser". */
export async function confirmOpenExternal(parent: BrowserWindow | null, url: string): Promise<boolean> {
  const { message, detail } = externalLinkPrompt(url);
  const options = {
    type: 'question' as const,
    buttons: ['Cancel', 'Open in Browser'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    message,
    detail,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === 1;
}

/** The native open dialog for "Import Source…"; the picked paths (none when cancelled). */
export async function chooseImportFiles(parent: BrowserWindow | null): Promise<string[]> {
  const options = {
    title: 'Import Source',
    buttonLabel: 'Import',
    filters: IMPORT_DIALOG_FILTERS,
    properties: ['openFile' as const, 'multiSelections' as const],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/**
 * The native save dialog for a PDF export; the chosen path, or null when cancelled. For the
 * export service's save-location seam (see the report: `briefs.exportPdf` without `outFile`).
 */
export async function chooseExportFile(parent: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const safeName = `${suggestedName.replace(/[\\/:*?"<>|\0]/g, '_').trim() || 'brief'}.pdf`.replace(
    /\.pdf\.pdf$/i,
    '.pdf',
  );
  const options: SaveDialogOptions = {
    title: 'Export PDF',
    buttonLabel: 'Export',
    defaultPath: join(homedir(), safeName),
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/** A dated default file name for a backup, e.g. "Briefing Composer backup 2026-01-15.db". */
export function defaultBackupName(now = new Date()): string {
  return `Briefing Composer backup ${now.toISOString().slice(0, 10)}.db`;
}

/** The native save dialog for "Back Up Library…"; the chosen path, or null when cancelled. */
export async function chooseBackupFile(parent: BrowserWindow | null): Promise<string | null> {
  const options: SaveDialogOptions = {
    title: 'Back Up Library',
    buttonLabel: 'Back Up',
    defaultPath: join(homedir(), defaultBackupName()),
    filters: [{ name: 'Briefing Composer library', extensions: ['db'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

export async function showInfo(parent: BrowserWindow | null, message: string, detail?: string): Promise<void> {
  const options = { type: 'info' as const, buttons: ['OK'], message, detail };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

export async function showError(parent: BrowserWindow | null, message: string, detail?: string): Promise<void> {
  const options = { type: 'error' as const, buttons: ['OK'], message, detail };
  if (parent) await dialog.showMessageBox(parent, options);
  else await dialog.showMessageBox(options);
}

/** A message box before any window exists; resolves with the index of the button pressed. */
export async function askBeforeWindow(box: MessageBoxOptions): Promise<number> {
  return (await dialog.showMessageBox({ noLink: true, ...box })).response;
}

/** Before any window exists (e.g. the app failed to start): a blocking error box. */
export function showStartupError(message: string, detail: string): void {
  dialog.showErrorBox(message, detail);
}
