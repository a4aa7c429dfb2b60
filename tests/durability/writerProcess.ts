// Starting the library writer (libraryWriter.ts) as a real child process and reading its
// acknowledgements. The child is bundled once per test file with esbuild, so each of the
// hundreds of starts costs a plain `node` start rather than a TypeScript loader's.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WriterAck } from './writerProtocol';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');

/**
 * Bundles libraryWriter.ts into node_modules/.cache (inside the repository, so the bundle's
 * npm imports — better-sqlite3, zod — resolve from node_modules). Returns the bundle's path
 * and a function that removes it.
 */
export async function bundleWriter(): Promise<{ script: string; remove: () => void }> {
  const { build } = await import('esbuild');
  const folder = join(repoRoot, 'node_modules', '.cache', 'briefing-durability');
  mkdirSync(folder, { recursive: true });
  const script = join(folder, `libraryWriter-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [join(here, 'libraryWriter.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: script,
    logLevel: 'error',
  });
  return { script, remove: () => rmSync(script, { force: true }) };
}

export interface WriterChild {
  process: ChildProcess;
  /** Every acknowledgement received so far, in order. */
  acks: WriterAck[];
  /** Resolves when the child has loaded its code. */
  loaded: Promise<void>;
  /** Resolves when the child has opened the library. */
  ready: Promise<void>;
  /** Resolves (with the signal or exit code) when the child is gone and its output fully read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** With --wait-go: lets the child open the library and start writing. */
  go: () => void;
  stderr: () => string;
}

/** Starts a writer on `dbPath`. With `waitGo`, it loads and then waits for go() before touching the library. */
export function startWriter(
  script: string,
  dbPath: string,
  seed: number,
  options: { waitGo?: boolean; maxOps?: number; end?: 'close' | 'leave-open' | 'exit' } = {},
): WriterChild {
  const args = [script, dbPath, String(seed)];
  if (options.waitGo) args.push('--wait-go');
  if (options.maxOps !== undefined) args.push('--max-ops', String(options.maxOps));
  if (options.end !== undefined) args.push('--end', options.end);
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const acks: WriterAck[] = [];
  let pending = '';
  let errors = '';
  let onLoaded: () => void = () => {};
  let onReady: () => void = () => {};
  const loaded = new Promise<void>((resolve) => (onLoaded = resolve));
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      // A line is written whole or not at all (one write, well under the pipe's atomic size).
      const message = JSON.parse(line) as WriterAck | { op: 'loaded' | 'ready' };
      if (message.op === 'loaded') onLoaded();
      else if (message.op === 'ready') onReady();
      else acks.push(message as WriterAck);
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (errors += chunk));
  child.stdin.on('error', () => {}); // the child may be gone before it reads
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    process: child,
    acks,
    loaded,
    ready,
    exited,
    go: () => child.stdin.write('go\n'),
    stderr: () => errors,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rejects if `promise` takes longer than `ms`, naming `what`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>(
      (_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)),
    ),
  ]);
}
