// A value that follows another after it has stopped changing for `delayMs` (search as you type).
// `settle()` makes it catch up at once, for a command that must act on what is typed now (a
// shortcut pressed straight after typing must not act on the previous, shorter query).
import { useCallback, useEffect, useState } from 'react';

export function useDebouncedValue<T>(value: T, delayMs: number): [debounced: T, settle: () => void] {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    if (delayMs <= 0) return;
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  const settle = useCallback(() => setDebounced(value), [value]);
  // No delay: follow the value in the same render, not one timer later.
  return [delayMs <= 0 ? value : debounced, settle];
}
