// Importing sources from files (picker or drop) and from pasted text, with progress for each
// file. A file's bytes are read in the page, base64-encoded (the contract carries JSON only)
// and handed to `sources.import`; the library extracts and normalizes the text, so nothing of
// the document is ever interpreted here.
import { useCallback, useState } from 'react';
import type { Output } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { MAX_SOURCE_BYTES, oversizeFileMessage } from '../../shared/api/sources';
import { invoke, toAppError } from '../bridge';
import { useWorkspaceActions } from '../workspace/workspaceState';
import { useToasts } from '../ui/Toasts';

export interface ImportJob {
  id: number;
  name: string;
  bytes: number;
  phase: 'queued' | 'reading' | 'importing' | 'done' | 'failed';
  /** 0–1 while reading the file; the import itself reports no progress. */
  progress: number;
}

/** Reads a file as base64, reporting progress; FileReader's data URL avoids building a huge binary string. */
function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.onload = () => {
      // readAsDataURL always yields a string; anything else means the read went wrong.
      const url = reader.result;
      if (typeof url === 'string') resolve(url.slice(url.indexOf(',') + 1));
      else reject(new Error(`Could not read ${file.name}.`));
    };
    reader.readAsDataURL(file);
  });
}

/** Refuses a file over the import limit from its size alone, so 50 MB are never read into the page just to be refused. */
function refuseIfTooLarge(file: File): void {
  if (file.size <= MAX_SOURCE_BYTES) return;
  throw new AppError('TOO_LARGE', oversizeFileMessage(file.name, file.size));
}

let nextJobId = 1;

export function useSourceImport() {
  const [jobs, setJobs] = useState<ImportJob[]>([]);
  const actions = useWorkspaceActions();
  const toasts = useToasts();

  const update = (id: number, change: Partial<ImportJob>) =>
    setJobs((list) => list.map((j) => (j.id === id ? { ...j, ...change } : j)));
  const finish = (id: number) => window.setTimeout(() => setJobs((list) => list.filter((j) => j.id !== id)), 1500);

  const report = useCallback(
    (result: Output<'sources.import'>, name: string) => {
      if (result.duplicateOfSourceId !== null) toasts.info('Already in the library', result.warnings.join(' '));
      else if (result.warnings.length > 0) toasts.info(`Imported ${name}`, result.warnings.join(' '));
      else toasts.success(`Imported ${name}`);
      actions.openSource(result.sourceId);
    },
    [actions, toasts],
  );

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      // The whole batch is listed at once, so its progress reads "3 of 40", then imported in order.
      const batch = files.map((file) => ({ file, id: nextJobId++ }));
      setJobs((list) => [
        ...list,
        ...batch.map(({ file, id }) => ({
          id,
          name: file.name,
          bytes: file.size,
          phase: 'queued' as const,
          progress: 0,
        })),
      ]);
      const counts = { imported: 0, duplicates: 0 };
      for (const { file, id } of batch) {
        try {
          refuseIfTooLarge(file);
          update(id, { phase: 'reading' });
          const base64 = await readAsBase64(file, (progress) => update(id, { progress }));
          update(id, { phase: 'importing', progress: 1 });
          // No format: the library goes by the extension unless the content says otherwise (an
          // HTML page saved as .txt), and says so, exactly as for the CLI and the menu.
          const result = await invoke('sources.import', { content: { base64, fileName: file.name } });
          update(id, { phase: 'done' });
          // One file opens in the reader; a batch is summed up once at the end instead.
          if (batch.length === 1) report(result, `“${file.name}”`);
          else if (result.duplicateOfSourceId !== null) counts.duplicates += 1;
          else counts.imported += 1;
        } catch (error) {
          update(id, { phase: 'failed' });
          toasts.error(toAppError(error), `Could not import ${file.name}`);
        } finally {
          finish(id);
        }
      }
      if (batch.length > 1) {
        const failed = batch.length - counts.imported - counts.duplicates;
        const details = [
          counts.duplicates && `${counts.duplicates} already in the library`,
          failed && `${failed} could not be imported`,
        ]
          .filter(Boolean)
          .join(', ');
        toasts.success(`Imported ${counts.imported} of ${batch.length} files`, details);
      }
    },
    [report, toasts],
  );

  /** Imports pasted text; resolves true when it was imported. */
  const importText = useCallback(
    async (text: string, title: string): Promise<boolean> => {
      try {
        const result = await invoke('sources.import', {
          content: { text, format: 'text' },
          metadata: title.trim() ? { title: title.trim() } : {},
        });
        report(result, title.trim() ? `“${title.trim()}”` : 'the pasted text');
        return true;
      } catch (error) {
        toasts.error(error, 'Could not import the pasted text');
        return false;
      }
    },
    [report, toasts],
  );

  return { jobs, importFiles, importText };
}
