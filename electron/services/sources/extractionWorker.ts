// The entry point of the text-extraction worker thread (started by textExtractor.ts): takes one
// import's content per message and answers with its extracted text, or with why it cannot be
// imported. Built for the app as dist/electron/extractionWorker.cjs (scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { AppError, type AppErrorPayload } from '../../../shared/api/errors';
import { extractImportContent, type ExtractedImport, type ImportContent } from './extraction';

export type ExtractionReply =
  | { ok: true; extracted: ExtractedImport }
  /** A document that cannot be imported: the AppError as it crosses the process boundary. */
  | { ok: false; error: AppErrorPayload }
  /** A bug: passed on whole so the main process logs it like any other unexpected error. */
  | { ok: false; bug: { message: string; stack: string | undefined } };

function extract(content: ImportContent): ExtractionReply {
  try {
    return { ok: true, extracted: extractImportContent(content) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toJSON() };
    const bug = error instanceof Error ? error : new Error(String(error));
    return { ok: false, bug: { message: bug.message, stack: bug.stack } };
  }
}

if (!parentPort) throw new Error('extractionWorker runs only as a worker thread (see textExtractor.ts).');
const port = parentPort;
port.on('message', (content: ImportContent) => port.postMessage(extract(content)));
