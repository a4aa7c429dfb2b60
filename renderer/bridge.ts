// The renderer's only door to the rest of the app. `window.briefing` is put there by the
// Electron preload in the app and by tests/e2e/harness.ts in browser tests — same shape in both
// (BriefingBridge, shared/api/contract.ts). This file adds what every view needs on top:
// typed calls whose failures are always AppErrors, a change signal so views refresh after a
// write, a small data hook, and the allow-listed opener for external links.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  LIBRARY_PARTS,
  writesOf,
  type AppEvent,
  type BriefingBridge,
  type LibraryPart,
  type Method,
  type Output,
  type PageInput,
} from '../shared/api/contract';
import { AppError, isAppErrorPayload } from '../shared/api/errors';

declare global {
  interface Window {
    briefing?: BriefingBridge;
  }
}

/** The bridge, or a clear failure when the page was opened outside the app. */
export function getBridge(): BriefingBridge {
  const bridge = window.briefing;
  if (!bridge || typeof bridge.invoke !== 'function') {
    throw new AppError(
      'NOT_AVAILABLE',
      'This page must be opened inside Briefing Composer: the connection to the library is missing.',
    );
  }
  return bridge;
}

/**
 * Any thrown value as an AppError. The bridge rejects with AppErrors, but an AppError made in
 * another JavaScript world (the harness' init script, a preload behind contextBridge) is not an
 * instance of this bundle's class, so errors are recognised by shape, not by class.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isAppErrorPayload(error)) return new AppError(error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('INTERNAL', message || 'Something went wrong.');
}

// ── change signal ───────────────────────────────────────────────────────────────────────

type ChangeListener = (parts: ReadonlySet<LibraryPart>, cause: Method | AppEvent) => void;
const changeListeners = new Set<ChangeListener>();
let subscribedToApp = false;

/** Calls `listener` after every write (from this window, or announced by the app). Returns the unsubscribe. */
export function onLibraryChange(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  if (!subscribedToApp && window.briefing) {
    // Writes made elsewhere (the CLI, another window) arrive as one 'library.changed' event.
    subscribedToApp = true;
    window.briefing.on('library.changed', () => announce(LIBRARY_PARTS, 'library.changed'));
  }
  return () => changeListeners.delete(listener);
}

function announce(parts: readonly LibraryPart[], cause: Method | AppEvent): void {
  const set = new Set(parts);
  for (const listener of [...changeListeners]) listener(set, cause);
}

// ── calls ───────────────────────────────────────────────────────────────────────────────

/** Calls one contract method. Resolves with its output; rejects only with an AppError. */
export async function invoke<M extends Method>(method: M, input: PageInput<M>): Promise<Output<M>> {
  let output: Output<M>;
  try {
    output = await getBridge().invoke(method, input);
  } catch (error) {
    throw toAppError(error);
  }
  // Each method declares what it makes stale (the contract's `writes`); views showing it reload.
  const parts = writesOf(method);
  if (parts.length > 0) announce(parts, method);
  return output;
}

export interface Query<T> {
  data: T | undefined;
  error: AppError | null;
  /** True until the first answer, and while reloading (the previous data stays shown). */
  loading: boolean;
  reload: () => void;
}

/**
 * Loads data and keeps it fresh: runs `load` when `deps` change and whenever a write touches one
 * of `parts`. Answers to superseded requests are dropped, so a slow old answer never overwrites
 * a newer one.
 */
export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[], parts: readonly LibraryPart[]): Query<T> {
  const [state, setState] = useState<{ data: T | undefined; error: AppError | null; loading: boolean }>({
    data: undefined,
    error: null,
    loading: true,
  });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const partsKey = parts.join(',');

  useEffect(() => {
    const watched = new Set(partsKey.split(','));
    return onLibraryChange((changed) => {
      for (const part of changed) {
        if (watched.has(part)) {
          setGeneration((g) => g + 1);
          return;
        }
      }
    });
  }, [partsKey]);

  useEffect(() => {
    const request = ++latest.current;
    setState((s) => (s.loading ? s : { ...s, loading: true }));
    loadRef.current().then(
      (data) => request === latest.current && setState({ data, error: null, loading: false }),
      (error: unknown) =>
        request === latest.current && setState((s) => ({ data: s.data, error: toAppError(error), loading: false })),
    );
    // `deps` is the caller's dependency list; `load` is read through a ref so a new closure alone reloads nothing.
    // The list cannot be checked here, so eslint.config.mjs makes exhaustive-deps check it at every useQuery call.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

// ── external links ──────────────────────────────────────────────────────────────────────

const EXTERNAL_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** The URL, normalized, if it may be opened outside the app (http, https, mailto); otherwise null. */
export function allowedExternalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && !parsed.hostname) return null;
  return parsed.href;
}

/**
 * Opens an allow-listed URL in the system browser; returns false (and opens nothing) for any
 * other scheme. The app's main process denies every window the page asks for and hands
 * allow-listed URLs to the system browser (setWindowOpenHandler), so this is the one way out.
 */
export function openExternal(url: string): boolean {
  const safe = allowedExternalUrl(url);
  if (!safe) return false;
  window.open(safe, '_blank', 'noopener,noreferrer');
  return true;
}
