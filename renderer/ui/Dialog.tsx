// A modal dialog on the native <dialog> element: the browser traps focus, closes on Escape,
// makes the rest of the page inert and restores focus afterwards — no library needed. Mark the
// field that should take focus first with `data-autofocus`.
import { useEffect, useId, useLayoutEffect, useRef, type FormEvent, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  /** One sentence under the title saying what the dialog is for. */
  description?: string;
  onClose: () => void;
  /** When given, the body is a form: Enter submits, and the footer's submit button calls this. */
  onSubmit?: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

export function Dialog({ open, title, description, onClose, onSubmit, children, footer, wide }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first focusable element; a field marked data-autofocus goes first.
      // (React's autoFocus fires before the dialog is open, when nothing inside can take focus.)
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  // Unmounted while open (its owner stopped rendering it): close it properly first, so the
  // browser gives focus back to where it was before the dialog opened.
  useLayoutEffect(() => {
    const dialog = ref.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  const body = (
    <>
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {description && (
          <p id={descriptionId} className="dialog__description">
            {description}
          </p>
        )}
      </header>
      <div className="dialog__body">{children}</div>
      {footer && <footer className="dialog__footer">{footer}</footer>}
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog and `open` never disagree.
        event.preventDefault();
        onClose();
      }}
    >
      {open && (onSubmit ? <form onSubmit={submit}>{body}</form> : body)}
    </dialog>
  );
}

/** The usual footer of a form dialog: Cancel, then the button that submits the form. */
export function CancelAndSubmit({
  onCancel,
  submitLabel,
  disabled = false,
}: {
  onCancel: () => void;
  submitLabel: string;
  disabled?: boolean;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={disabled}>
        {submitLabel}
      </button>
    </>
  );
}
