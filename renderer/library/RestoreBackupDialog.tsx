// "Restore from Backup…": pick one of the library's backups (daily, before an upgrade, or made
// by hand), confirm, and the library is replaced by it. The library it replaces is kept beside
// it as a file, never deleted. The page only names a backup the library listed; where the file
// is stays in the main process.
import { useEffect, useState } from 'react';
import type { BackupFileInfo } from '../../shared/api/library';
import { invoke, toAppError, useQuery } from '../bridge';
import { useWorkspace } from '../workspace/workspaceState';
import { saveNow } from '../editor/state/briefSaver';
import { Dialog } from '../ui/Dialog';
import { ErrorNote } from '../ui/ErrorNote';
import { formatBytes } from '../ui/formatBytes';
import { useToasts } from '../ui/Toasts';
import { closeRestoreBackup, useRestoreBackupShowing } from './restoreBackupRequest';
import { leaveRestoredNotice, takeRestoredNotice } from './restoredNotice';

const KIND_LABELS: Record<BackupFileInfo['kind'], string> = {
  daily: 'Daily backup',
  'before-migration': 'Before an upgrade',
  manual: 'Made by hand',
};

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Shows the dialog when asked for, and the outcome of a restore after the page has reloaded. */
export function RestoreBackupHost() {
  const showing = useRestoreBackupShowing();
  const toasts = useToasts();
  useEffect(() => {
    const notice = takeRestoredNotice();
    if (notice) toasts.success(notice.title, notice.message);
  }, [toasts]);
  return showing ? <RestoreBackupDialog /> : null;
}

function RestoreBackupDialog() {
  const list = useQuery(() => invoke('library.backups', {}), [], []);
  const { openBriefId } = useWorkspace();
  const [chosen, setChosen] = useState<BackupFileInfo | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const backups = list.data?.backups ?? [];

  const restore = async () => {
    if (!chosen) return;
    setRestoring(true);
    setFailure(null);
    try {
      // The open brief's last edits go into the library being replaced (kept as a file), not
      // into the restored one after the swap.
      if (openBriefId !== null) await saveNow(openBriefId);
      const result = await invoke('library.restore', { backupName: chosen.fileName });
      leaveRestoredNotice({
        title: 'Library restored',
        message: `It is now the ${KIND_LABELS[chosen.kind].toLowerCase()} of ${formatWhen(chosen.createdAt)}.${
          result.replacedFile ? ` The library it replaced is kept as ${result.replacedFile}.` : ''
        }`,
      });
      // Every id and revision on screen belonged to the replaced library: start afresh.
      window.location.reload();
    } catch (error) {
      setFailure(toAppError(error).message);
      setRestoring(false);
    }
  };

  return (
    <Dialog
      open
      wide
      title="Restore from backup"
      description="Replace the library with one of its backups. The library it replaces is kept as a file beside it, never deleted."
      onClose={() => !restoring && closeRestoreBackup()}
      onSubmit={() => (confirming ? void restore() : chosen && setConfirming(true))}
      footer={
        <>
          <button
            type="button"
            className="button"
            disabled={restoring}
            onClick={() => (confirming ? setConfirming(false) : closeRestoreBackup())}
          >
            {confirming ? 'Back' : 'Cancel'}
          </button>
          <button type="submit" className="button button--primary" disabled={!chosen || restoring}>
            {restoring ? 'Restoring…' : confirming ? 'Replace library' : 'Restore…'}
          </button>
        </>
      }
    >
      {list.error && !list.data ? (
        <ErrorNote error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <p className="loading">Looking for backups…</p>
      ) : confirming && chosen ? (
        <div className="restore-confirm">
          <p>
            Replace the library with the {KIND_LABELS[chosen.kind].toLowerCase()} of{' '}
            <strong>{formatWhen(chosen.createdAt)}</strong>?
          </p>
          <p>
            Sources, cards and briefs added or changed since then will not be in the restored library. They stay in the
            replaced library, which is kept as a file.
          </p>
          {failure && (
            <p className="restore-confirm__error" role="alert">
              {failure}
            </p>
          )}
        </div>
      ) : backups.length === 0 ? (
        <p className="backup-list__empty">
          There are no backups yet. The app makes one on each day you use it and before every upgrade; File › Back Up
          Library… makes one now.
        </p>
      ) : (
        <fieldset className="backup-list">
          <legend className="visually-hidden">Backups in {list.data.directory}, newest first</legend>
          {backups.map((backup, index) => (
            <label key={backup.fileName} className="backup-list__item">
              <input
                type="radio"
                name="backup"
                value={backup.fileName}
                checked={chosen?.fileName === backup.fileName}
                onChange={() => setChosen(backup)}
                {...(index === 0 ? { 'data-autofocus': true } : {})}
              />
              <span className="backup-list__when">{formatWhen(backup.createdAt)}</span>
              <span className="backup-list__details muted">
                {KIND_LABELS[backup.kind]} · {formatBytes(backup.bytes)}
                {backup.schemaVersion === null ? ' · unreadable header' : ''}
              </span>
            </label>
          ))}
          <p className="muted backup-list__folder">{`Kept in ${list.data.directory} (the newest ${list.data.keep} of each kind).`}</p>
        </fieldset>
      )}
    </Dialog>
  );
}
