// "Import Source…" from the menu: the files the user picked in the native open dialog, read here
// and handed to the renderer (the `menu.command` payload), which imports them exactly as files
// from its own picker or a drop. A menu click relayed over IPC is no user gesture, so the page
// could not open its own file picker; the main process can.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../shared/api/errors';
import { MAX_SOURCE_BYTES, oversizeFileMessage } from '../../shared/api/sources';

export interface ImportFilePayload {
  fileName: string;
  /** The file's bytes, base64-encoded: the contract carries JSON only. */
  base64: string;
}

/** The open dialog's filters: what sources.import reads, then anything (the library decides by content). */
export const IMPORT_DIALOG_FILTERS = [
  { name: 'Documents (text, Markdown, HTML)', extensions: ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml'] },
  { name: 'All files', extensions: ['*'] },
];

/**
 * Reads one picked file; refuses folders, and files over the import limit before reading them,
 * with the contract's own limit and sentence (the library would refuse the same bytes in the same
 * words, but only after 25 MB and more had been read and sent to the page).
 */
export async function readImportFile(path: string): Promise<ImportFilePayload> {
  const info = await stat(path);
  if (!info.isFile()) throw new AppError('UNSUPPORTED_FILE', `${basename(path)} is not a file.`);
  if (info.size > MAX_SOURCE_BYTES) throw new AppError('TOO_LARGE', oversizeFileMessage(basename(path), info.size));
  return { fileName: basename(path), base64: (await readFile(path)).toString('base64') };
}
