// Autosave for one open brief: content changes mark it dirty, a debounce (with a maximum wait
// while typing goes on) serializes the document once and sends `briefs.save` with the revision
// it was edited from. flush() saves immediately (unmount, page hide, app close).
import type { BriefSummary } from '../../../shared/api/briefs';
import type { SerializedDocument } from '../../../shared/briefs/document';
import { editorStats } from '../editorStats';
import { describeError, invoke } from './bridge';
import type { StatusStore } from './statusStore';

export const AUTOSAVE_DELAY_MS = 800;
const MAX_WAIT_MS = 5000;
const RETRY_MS = 5000;

/** Saves still travelling per brief, so reopening a brief waits for its last save. */
const pendingSaves = new Map<number, Promise<unknown>>();

/** Resolves once every save sent for this brief has been answered. */
export function whenSaved(briefId: number): Promise<void> {
  return Promise.resolve(pendingSaves.get(briefId)).then(() => undefined);
}

/** The saver of each open editor, so other parts of the app can ask for a save now. */
const openSavers = new Map<number, { flush: () => void }>();

/** Registers an open editor's saver; returns the function that unregisters it. */
export function registerOpenSaver(briefId: number, saver: { flush: () => void }): () => void {
  openSavers.set(briefId, saver);
  return () => {
    if (openSavers.get(briefId) === saver) openSavers.delete(briefId);
  };
}

/** Sends the brief's unsaved edits now (if it is open) and resolves once every save of it has been answered. */
export function saveNow(briefId: number): Promise<void> {
  openSavers.get(briefId)?.flush();
  return whenSaved(briefId);
}

export interface BriefSaverOptions {
  briefId: number;
  /** The revision the editor's content was loaded from. */
  revision: number;
  /** Serializes the current document (counted as one serialization). */
  serialize: () => SerializedDocument;
  status: StatusStore;
  delayMs?: number;
  onSaved?: (summary: BriefSummary) => void;
}

export class BriefSaver {
  private dirty = false;
  private firstDirtyAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = 0;
  /** The revision the next save is based on (optimistically advanced while saves are in flight). */
  private baseRevision: number;
  /** A conflict stops autosave: someone else saved this brief; overwriting would lose their change. */
  private halted = false;
  private disposed = false;

  constructor(private readonly options: BriefSaverOptions) {
    this.baseRevision = options.revision;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** Records a content change and (re)starts the debounce. */
  markDirty(): void {
    if (this.disposed) return;
    this.dirty = true;
    const now = Date.now();
    if (this.firstDirtyAt === null) this.firstDirtyAt = now;
    this.options.status.update({ dirty: true });
    if (this.halted) return;
    const delay = this.options.delayMs ?? AUTOSAVE_DELAY_MS;
    const wait = Math.max(0, Math.min(delay, this.firstDirtyAt + MAX_WAIT_MS - now));
    this.schedule(wait);
  }

  /** Saves now if anything is unsaved (even while another save is in flight). */
  flush(): void {
    if (this.dirty && !this.halted) this.save(true);
  }

  /** Stops timers; call flush() first to keep the last change. */
  dispose(): void {
    this.disposed = true;
    this.clearTimer();
  }

  private schedule(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save(false);
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private save(force: boolean): void {
    this.clearTimer();
    if (!this.dirty || this.halted) return;
    // One save at a time while editing; a flush does not wait (the window may be closing), and
    // because the library applies saves in order it can assume the one in flight succeeds.
    if (this.inFlight > 0 && !force) return;
    const { briefId, status } = this.options;
    const document = this.options.serialize();
    const baseRevision = this.baseRevision;
    this.baseRevision += 1;
    this.dirty = false;
    this.firstDirtyAt = null;
    this.inFlight += 1;
    editorStats.saves += 1;
    status.update({ saving: true, dirty: false });
    const request = invoke('briefs.save', { briefId, document, baseRevision }).then(
      (summary) => {
        this.baseRevision = Math.max(this.baseRevision, summary.revision + this.inFlight - 1);
        status.update({ savedAt: summary.updatedAt, error: null });
        this.options.onSaved?.(summary);
      },
      (error: unknown) => {
        const { code, message } = describeError(error);
        this.baseRevision = baseRevision;
        this.dirty = true;
        if (this.firstDirtyAt === null) this.firstDirtyAt = Date.now();
        if (code === 'CONFLICT') this.halted = true;
        status.update({ error: message, dirty: true });
        if (!this.halted && !this.disposed) this.schedule(RETRY_MS);
        else console.error(`Brief ${briefId} was not saved: ${message}`);
      },
    );
    const tracked = request.finally(() => {
      this.inFlight -= 1;
      if (pendingSaves.get(briefId) === tracked) pendingSaves.delete(briefId);
      if (this.inFlight === 0) status.update({ saving: false });
      if (this.inFlight === 0 && this.dirty && this.timer === null && !this.halted && !this.disposed)
        this.schedule(this.options.delayMs ?? AUTOSAVE_DELAY_MS);
    });
    pendingSaves.set(briefId, Promise.all([pendingSaves.get(briefId), tracked]));
  }
}
