// "Export PDF…": save the open brief, run the pre-flight and show it, then export. Orphaned
// citations block the Export button until the analyst ticks "Export anyway". The main process
// asks where to save (native save dialog; the page never names a file); closing that dialog
// cancels quietly. While the PDF prints, the dialog cannot be closed and nothing in it reacts.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ExportPreflight } from '../../shared/api/briefs';
import type { AppError } from '../../shared/api/errors';
import { invoke, onLibraryChange, toAppError } from '../bridge';
import { Dialog } from '../ui/Dialog';
import { ErrorNote } from '../ui/ErrorNote';
import { flushBrief, saveProblem } from './flushBrief';
import { CheckIcon, plural, PreflightReport } from './PreflightReport';
import { formatBytes } from '../ui/formatBytes';

export interface ExportDialogProps {
  briefId: number;
  onClose: () => void;
  onOpenCitation: (citationId: number) => void;
  onOpenClaim: (claimId: number) => void;
}

type Phase =
  | { kind: 'checking' }
  | { kind: 'check-failed'; error: AppError }
  | { kind: 'ready'; preflight: ExportPreflight; error: AppError | null; notice: string | null }
  | { kind: 'exporting'; preflight: ExportPreflight }
  | { kind: 'done'; preflight: ExportPreflight; path: string; pages: number; bytes: number };

const orphanKey = (p: ExportPreflight) => p.orphaned.map((c) => c.citationId).join(',');

export function ExportDialog({ briefId, onClose, onOpenCitation, onOpenClaim }: ExportDialogProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const [confirmed, setConfirmed] = useState(false);
  const [unsaved, setUnsaved] = useState<string | null>(null);
  const [showError, setShowError] = useState<AppError | null>(null);
  const confirmId = useId();
  const progressRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const exportRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const alive = useRef(true);
  const checkRequest = useRef(0);
  const phaseRef = useRef(phase);
  phaseRef.current = phase;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  /** Runs the pre-flight; `quiet` keeps the current report on screen until the new one arrives. */
  const check = useCallback(
    async (quiet: boolean) => {
      const request = ++checkRequest.current;
      if (!quiet) setPhase({ kind: 'checking' });
      try {
        if (!quiet) {
          await flushBrief(briefId);
          if (alive.current) setUnsaved(saveProblem(briefId));
        }
        const preflight = await invoke('briefs.preflight', { briefId });
        if (!alive.current || request !== checkRequest.current) return;
        const current = phaseRef.current;
        if (current.kind === 'exporting' || current.kind === 'done') return;
        if (current.kind === 'ready') {
          // A confirmation covers the orphans it was given for, not new ones.
          if (orphanKey(current.preflight) !== orphanKey(preflight)) setConfirmed(false);
          setPhase({ ...current, preflight });
        } else setPhase({ kind: 'ready', preflight, error: null, notice: null });
      } catch (error) {
        if (!alive.current || request !== checkRequest.current) return;
        if (!quiet) setPhase({ kind: 'check-failed', error: toAppError(error) });
      }
    },
    [briefId],
  );

  useEffect(() => {
    void check(false);
  }, [check]);

  // The library changed while the report is showing (a source re-imported, a card edited
  // elsewhere): check again, so what the analyst confirms is what will be printed.
  useEffect(
    () =>
      onLibraryChange((parts) => {
        if (phaseRef.current.kind !== 'ready') return;
        if (parts.has('citations') || parts.has('claims') || parts.has('sources') || parts.has('briefs'))
          void check(true);
      }),
    [check],
  );

  // Focus follows the flow: to the confirmation (or Export) once the report is in, to the
  // progress line while printing, to Done at the end.
  const readyOnce = useRef(false);
  useEffect(() => {
    if (phase.kind === 'ready' && !readyOnce.current) {
      readyOnce.current = true;
      (phase.preflight.blocked ? confirmRef.current : exportRef.current)?.focus();
    }
    if (phase.kind === 'exporting') progressRef.current?.focus();
    if (phase.kind === 'done') doneRef.current?.focus();
  }, [phase]);

  const exporting = phase.kind === 'exporting';

  // Escape must not close the dialog mid-export. The dialog ignores the close request (see
  // `close`), and cancelling the key itself keeps the browser from insisting on a second press.
  useEffect(() => {
    if (!exporting) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [exporting]);

  const showInFolder = async (exportedFile: string) => {
    try {
      await invoke('briefs.showExportedPdf', { exportedFile });
    } catch (error) {
      setShowError(toAppError(error));
    }
  };

  const close = () => {
    if (phaseRef.current.kind === 'exporting') return;
    onClose();
  };

  const runExport = async () => {
    if (phase.kind !== 'ready') return;
    const { preflight } = phase;
    if (preflight.blocked && !confirmed) {
      confirmRef.current?.focus();
      return;
    }
    setPhase({ kind: 'exporting', preflight });
    try {
      const result = await invoke('briefs.exportPdf', { briefId, allowOrphans: preflight.blocked && confirmed });
      if (!alive.current) return;
      if (result.cancelled) {
        onClose(); // the analyst closed the save dialog: nothing was written, nothing to say
        return;
      }
      if (!result.exported && !result.preflight.blocked) throw new Error('The PDF was not written. Try again.');
      if (!result.exported || result.path === null) {
        // Orphans appeared since the check: show them and ask again.
        setConfirmed(false);
        readyOnce.current = false;
        setPhase({
          kind: 'ready',
          preflight: result.preflight,
          error: null,
          notice: `Since the check, ${plural(result.preflight.orphaned.length, 'citation has', 'citations have')} become orphaned. Nothing was written; review them and confirm to export.`,
        });
        return;
      }
      setPhase({
        kind: 'done',
        preflight: result.preflight,
        path: result.path,
        pages: result.pages ?? 0,
        bytes: result.bytes ?? 0,
      });
    } catch (error) {
      if (!alive.current) return;
      setPhase({ kind: 'ready', preflight, error: toAppError(error), notice: null });
      requestAnimationFrame(() => exportRef.current?.focus());
    }
  };

  const openCitation = (citationId: number) => {
    onClose();
    onOpenCitation(citationId);
  };
  const openClaim = (claimId: number) => {
    onClose();
    onOpenClaim(claimId);
  };

  const preflight = phase.kind === 'checking' || phase.kind === 'check-failed' ? null : phase.preflight;
  const blocked = preflight?.blocked ?? false;
  const description =
    phase.kind === 'checking'
      ? 'Saving the brief and checking every citation against its source…'
      : phase.kind === 'done'
        ? `“${phase.preflight.briefTitle}” is ready to share.`
        : preflight
          ? `“${preflight.briefTitle}” — every citation is checked against its source before printing.`
          : undefined;

  const footer =
    phase.kind === 'done' ? (
      <>
        <button type="button" className="button" onClick={() => void showInFolder(phase.path)}>
          Show in folder
        </button>
        <button ref={doneRef} type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </>
    ) : (
      <>
        {exporting && (
          <div ref={progressRef} className="export-dialog__progress" role="status" tabIndex={-1}>
            <span className="export-dialog__spinner" aria-hidden="true" />
            <span>
              <strong>Exporting…</strong> Printing a long brief may take a few seconds.
            </span>
          </div>
        )}
        <button type="button" className="button" disabled={exporting} onClick={close}>
          Cancel
        </button>
        {phase.kind === 'check-failed' ? (
          <button type="button" className="button button--primary" onClick={() => void check(false)}>
            Check again
          </button>
        ) : (
          <button
            ref={exportRef}
            type="submit"
            className="button button--primary"
            disabled={phase.kind !== 'ready' || (blocked && !confirmed)}
            aria-describedby={blocked && !confirmed ? `${confirmId}-why` : undefined}
          >
            {exporting ? 'Exporting…' : 'Export PDF…'}
          </button>
        )}
      </>
    );

  return (
    <Dialog
      open
      wide
      title="Export PDF"
      description={description}
      onClose={close}
      onSubmit={() => void runExport()}
      footer={footer}
    >
      <div className="export-dialog" aria-busy={phase.kind === 'checking' || exporting}>
        {phase.kind === 'checking' && (
          <div className="export-dialog__checking" role="status">
            <progress aria-label="Checking citations" />
          </div>
        )}

        {phase.kind === 'check-failed' && <ErrorNote error={phase.error} />}

        {preflight && phase.kind !== 'done' && (
          <>
            {unsaved && (
              <p className="banner banner--warning export-dialog__banner" role="status">
                <span>
                  <strong>Your latest edits are not saved</strong> ({unsaved}). The PDF will show the brief as it was
                  last saved.
                </span>
              </p>
            )}
            {phase.kind === 'ready' && phase.notice && (
              <p className="banner banner--warning export-dialog__banner" role="status">
                {phase.notice}
              </p>
            )}
            <PreflightReport
              preflight={preflight}
              disabled={exporting}
              onOpenCitation={openCitation}
              onOpenClaim={openClaim}
            />
            {blocked && (
              <div className="export-dialog__confirm">
                <label className="checkbox" htmlFor={confirmId}>
                  <input
                    ref={confirmRef}
                    id={confirmId}
                    type="checkbox"
                    checked={confirmed}
                    disabled={exporting}
                    onChange={(e) => setConfirmed(e.target.checked)}
                  />
                  <span>Export anyway — orphaned citations will be marked in the PDF</span>
                </label>
                {!confirmed && (
                  <p id={`${confirmId}-why`} className="export-dialog__why">
                    {`Export is blocked by ${plural(preflight.orphaned.length, 'orphaned citation')}. Fix ${preflight.orphaned.length === 1 ? 'it' : 'them'} in the reader, or confirm to export anyway.`}
                  </p>
                )}
              </div>
            )}
            {phase.kind === 'ready' && phase.error && <ErrorNote error={phase.error} />}
          </>
        )}

        {phase.kind === 'done' && (
          <div className="export-dialog__done" role="status">
            <p className="export-dialog__done-title">
              <CheckIcon />
              {`Exported ${plural(phase.pages, 'page')} to `}
              <span className="export-dialog__path" dir="ltr">
                {phase.path}
              </span>
            </p>
            <p className="export-dialog__done-detail">
              {`${formatBytes(phase.bytes)} · ${plural(phase.preflight.citationCount, 'citation')}`}
              {phase.preflight.orphaned.length > 0 &&
                ` · ${plural(phase.preflight.orphaned.length, 'orphaned citation')} marked in the PDF`}
            </p>
            {showError && <ErrorNote error={showError} />}
          </div>
        )}
      </div>
    </Dialog>
  );
}
