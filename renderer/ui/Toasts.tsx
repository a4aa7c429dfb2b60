// Non-blocking messages in the corner of the window. Errors stay until dismissed (the user must
// be able to read the code and sentence); confirmations fade after a few seconds. Errors are
// announced assertively (role=alert), confirmations politely (role=status).
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { toAppError } from '../bridge';

interface Toast {
  id: number;
  tone: 'error' | 'info' | 'success';
  title: string;
  message: string;
  action?: { label: string; run: () => void };
}

export interface Toasts {
  /** Shows an error from anywhere (an AppError from the bridge, or anything thrown). */
  error: (error: unknown, context?: string) => void;
  info: (title: string, message?: string, action?: Toast['action']) => void;
  success: (title: string, message?: string, action?: Toast['action']) => void;
}

const ToastContext = createContext<Toasts | null>(null);

const FADE_AFTER_MS = 6000;

const ERROR_TITLES: Record<string, string> = {
  INVALID_INPUT: 'Check your input',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Changed elsewhere',
  UNSUPPORTED_FILE: 'Cannot import this file',
  TOO_LARGE: 'Too large',
  DATABASE_NEWER: 'Library from a newer version',
  DATABASE_CORRUPT: 'Library damaged',
  NOT_AVAILABLE: 'Not available',
  INTERNAL: 'Something went wrong',
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const push = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      // Keep the list short: a burst of identical failures shows once.
      setToasts((list) =>
        [...list.filter((t) => !(t.title === toast.title && t.message === toast.message)), { ...toast, id }].slice(-5),
      );
      if (toast.tone !== 'error') window.setTimeout(() => dismiss(id), FADE_AFTER_MS);
    },
    [dismiss],
  );

  const api = useMemo<Toasts>(
    () => ({
      error(error, context) {
        const appError = toAppError(error);
        // Also in the console with its code, so a bug report can quote it.
        console.warn(`[${appError.code}]${context ? ` ${context}:` : ''} ${appError.message}`);
        push({ tone: 'error', title: context ?? ERROR_TITLES[appError.code] ?? 'Error', message: appError.message });
      },
      info: (title, message = '', action) => push({ tone: 'info', title, message, ...(action ? { action } : {}) }),
      success: (title, message = '', action) =>
        push({ tone: 'success', title, message, ...(action ? { action } : {}) }),
    }),
    [push],
  );

  const errors = toasts.filter((t) => t.tone === 'error');
  const notes = toasts.filter((t) => t.tone !== 'error');
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts">
        <div role="alert" className="toasts__group">
          {errors.map((t) => (
            <ToastView key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </div>
        <div role="status" className="toasts__group">
          {notes.map((t) => (
            <ToastView key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  return (
    <div className={`toast toast--${toast.tone}`}>
      <div className="toast__body">
        <p className="toast__title">{toast.title}</p>
        {toast.message && <p className="toast__message">{toast.message}</p>}
      </div>
      {toast.action && (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            toast.action!.run();
            onDismiss(toast.id);
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="icon-button toast__close"
        aria-label="Dismiss notification"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

/** The app's notifications; every caught error goes through `error` — none is swallowed. */
export function useToasts(): Toasts {
  const toasts = useContext(ToastContext);
  if (!toasts) throw new Error('useToasts must be used inside <ToastProvider>.');
  return toasts;
}
