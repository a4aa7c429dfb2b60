// Runs the CPU-heavy half of every import (extraction/: jsdom, Readability,
// html-to-text, marked, SHA-256 — seconds for a large web page) in a worker thread, because the
// main thread is where every other request is answered: a search or the brief's autosave must
// not wait for a document to be read.
//
// One worker per library, started by the first import (so jsdom is loaded once, and never by a
// library that imports nothing) and kept for the next. Imports pass through it one at a time, in
// the order they were asked for, rather than side by side or in a pool:
//   - extraction is pure CPU on laptops with few cores, so a second one in parallel would mostly
//     compete with the main thread it is meant to keep free, and double the memory peak (jsdom
//     holds up to ~1 GB for the largest page extraction accepts);
//   - when a hostile document kills the worker (out of memory, say), only that import fails: the
//     imports queued behind it go to a fresh worker.
// The worker is unref()'d while idle, so it never keeps a process (the CLI, a test) alive, and
// ref()'d while an import waits on it, or a process with nothing else to do would exit mid-import.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, isAppErrorPayload } from '../../../shared/api/errors';
import type { ExtractedImport, ImportContent } from './extraction';
import type { ExtractionReply } from './extractionWorker';

export interface TextExtractor {
  /** Extracts and hashes one import's content off the main thread; rejects with an AppError the user can act on (or, for a bug, a plain Error). */
  extract: (content: ImportContent) => Promise<ExtractedImport>;
  /** Stops the worker: an import still being extracted fails, and later ones are refused. */
  close: () => void;
}

export interface TextExtractorOptions {
  /** Where a crashed worker's error is reported in full (the user gets one sentence). */
  logError: (error: unknown) => void;
  /**
   * Caps the worker's JavaScript heap, in MB. A document that needs more fails alone, as
   * TOO_LARGE, and the next import gets a fresh worker. Default: V8's own limit, as on the main
   * thread before extraction moved here.
   */
  maxHeapMb?: number;
}

interface RunningImport {
  worker: Worker;
  /** How the user would name the document: “report.html”, or “the text”. */
  subject: string;
  resolve: (extracted: ExtractedImport) => void;
  reject: (error: Error) => void;
}

export function createTextExtractor({ logError, maxHeapMb }: TextExtractorOptions): TextExtractor {
  let worker: Worker | null = null;
  let running: RunningImport | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  function startWorker(): Worker {
    const { script, execArgv } = workerScript();
    const started = new Worker(script, {
      execArgv,
      ...(maxHeapMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } } : {}),
    });
    started.unref();
    let failure: Error | undefined;
    started.on('message', (reply: ExtractionReply) => {
      const job = running;
      if (job?.worker !== started) return;
      running = null;
      if (reply.ok) job.resolve(reply.extracted);
      else if ('error' in reply && isAppErrorPayload(reply.error))
        job.reject(new AppError(reply.error.code, reply.error.message));
      else job.reject(workerBug(reply));
    });
    // An uncaught error (out of memory included) ends the worker; 'exit' follows and fails the import.
    started.on('error', (error) => (failure = error));
    started.on('exit', (exitCode) => {
      if (worker === started) worker = null;
      const job = running?.worker === started ? running : null;
      if (job) running = null;
      if (closed) {
        job?.reject(
          new AppError(
            'NOT_AVAILABLE',
            `The library was closed while ${job.subject} was being read; nothing was imported.`,
          ),
        );
        return;
      }
      if (job || failure)
        logError(failure ?? new Error(`The text extraction worker exited with code ${exitCode} during an import.`));
      job?.reject(crashError(job.subject, failure));
    });
    return started;
  }

  function extractNow(content: ImportContent): Promise<ExtractedImport> {
    if (closed) return Promise.reject(new AppError('NOT_AVAILABLE', 'The library is closed; nothing was imported.'));
    const current = (worker ??= startWorker());
    return new Promise<ExtractedImport>((resolve, reject) => {
      running = { worker: current, subject: subjectOf(content), resolve, reject };
      current.ref();
      current.postMessage(content);
    }).finally(() => current.unref());
  }

  return {
    extract(content) {
      const job = queue.then(() => extractNow(content));
      queue = job.catch(() => {});
      return job;
    },
    close() {
      closed = true;
      void worker?.terminate();
      worker = null;
    },
  };
}

/**
 * The worker's script. In the app it is the bundle beside the main process's own
 * (dist/electron/extractionWorker.cjs, see scripts/build.mjs). Where the TypeScript sources run
 * directly (tests, the CLI, the benchmarks), it is the source beside this file, loaded through
 * tsx's tsImport from a one-line bootstrap: on Node 20 a worker started with
 * `execArgv: ['--import', 'tsx']` still fails on its .ts entry (ERR_UNKNOWN_FILE_EXTENSION), while
 * tsImport called inside the worker registers tsx there. tsx is resolved from this file, so the
 * CLI works from any folder.
 */
function workerScript(): { script: string | URL; execArgv: string[] } {
  const here = new URL(import.meta.url);
  // Nothing of the parent's command line (e.g. `--import tsx`, an inspector port) is meant for the worker.
  const execArgv: string[] = [];
  if (!here.pathname.endsWith('.ts'))
    return { script: fileURLToPath(new URL('./extractionWorker.cjs', here)), execArgv };
  const entry = new URL('./extractionWorker.ts', here).href;
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
  const bootstrap = `import { tsImport } from ${JSON.stringify(tsx)};\nawait tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`;
  return { script: new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), execArgv };
}

function subjectOf(content: ImportContent): string {
  if (content.fileName !== undefined) return `“${content.fileName.split(/[\\/]/).pop()}”`;
  return content.text !== undefined ? 'the text' : 'the file';
}

function crashError(subject: string, failure: NodeJS.ErrnoException | undefined): AppError {
  if (failure?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new AppError(
      'TOO_LARGE',
      `Reading ${subject} took more memory than an import may use, so it was stopped; nothing was imported. If it is a very large or unusual document, save it as plain text and import that.`,
    );
  }
  return new AppError(
    'INTERNAL',
    `Reading ${subject} stopped unexpectedly; nothing was imported. Try again — if it fails again, the file may be damaged.`,
  );
}

function workerBug(reply: ExtractionReply): Error {
  const bug =
    'bug' in reply
      ? reply.bug
      : {
          message: `The text extraction worker sent an answer it should not: ${JSON.stringify(reply).slice(0, 200)}`,
          stack: undefined,
        };
  const error = new Error(bug.message);
  if (bug.stack !== undefined) error.stack = bug.stack;
  return error;
}
