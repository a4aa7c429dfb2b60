// After a restore the page reloads (every id and revision is now the backup's), which would
// also drop a toast saying so. The notice waits in sessionStorage and is shown once on load.
const KEY = 'briefing.restoredNotice.v1';

export interface RestoredNotice {
  title: string;
  message: string;
}

export function leaveRestoredNotice(notice: RestoredNotice): void {
  sessionStorage.setItem(KEY, JSON.stringify(notice));
}

/** The notice left before the reload, once; null if there is none or it cannot be read. */
export function takeRestoredNotice(): RestoredNotice | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw === null) return null;
  sessionStorage.removeItem(KEY);
  try {
    const notice = JSON.parse(raw) as Partial<RestoredNotice>;
    return typeof notice.title === 'string' && typeof notice.message === 'string'
      ? { title: notice.title, message: notice.message }
      : null;
  } catch {
    return null;
  }
}
