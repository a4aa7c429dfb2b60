// "Paste text": imports text from the clipboard as a new source. The textarea takes plain text
// only (a textarea never takes the clipboard's HTML flavour), so nothing pasted is parsed as markup.
// A paste of document size is held aside instead of shown: laying out megabytes in a textarea
// freezes the window for minutes (long lines with the app's web fonts are the worst case), and
// a paste over the import limit is refused at once, naming the limit.
import { useState, type ClipboardEvent } from 'react';
import { formatMegabytes, MAX_SOURCE_BYTES, oversizeSourceMessage, utf8ByteLength } from '../../shared/api/sources';
import { CancelAndSubmit, Dialog } from '../ui/Dialog';
import { plural } from '../ui/formatDate';

/** Characters above which pasted text is held aside rather than put in the text field. */
const SHOWN_IN_FIELD_CHARS = 100_000;

export function PasteTextDialog({
  open,
  onClose,
  onImport,
}: {
  open: boolean;
  onClose: () => void;
  onImport: (text: string, title: string) => Promise<boolean>;
}) {
  const [text, setText] = useState('');
  // Measured once when pasted: re-encoding megabytes on every render would cost more than the paste.
  const [held, setHeld] = useState<{ text: string; size: string; lines: number } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  // Every opening starts empty. Reset while rendering the opening, not in an effect after it:
  // the dialog is shown and focused in an effect too, and a paste landing between the two was
  // added to the last import's text, or wiped by the reset.
  const [shownOpen, setShownOpen] = useState(open);
  if (open !== shownOpen) {
    setShownOpen(open);
    if (open) {
      setText('');
      setHeld(null);
      setRefusal(null);
      setTitle('');
    }
  }

  const content = held?.text ?? text;

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    if (pasted.length <= SHOWN_IN_FIELD_CHARS) return; // the field takes it as usual
    event.preventDefault();
    // Counted as the contract counts it, so the page and the library refuse exactly the same pastes.
    const bytes = utf8ByteLength(pasted);
    if (bytes > MAX_SOURCE_BYTES) {
      setRefusal(oversizeSourceMessage('The pasted text', formatMegabytes(bytes)));
      return;
    }
    setRefusal(null);
    setHeld({ text: pasted, size: formatMegabytes(bytes), lines: pasted.split('\n').length });
  };

  const submit = async () => {
    if (!content.trim() || busy) return;
    setBusy(true);
    try {
      if (await onImport(content, title)) onClose();
    } finally {
      // Even if the import throws, the form must not stay stuck on "Importing…".
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      wide
      title="Paste text as a source"
      description="The text is stored as a new source. Formatting is dropped; only the words are kept."
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <CancelAndSubmit
          onCancel={onClose}
          submitLabel={busy ? 'Importing…' : 'Import text'}
          disabled={!content.trim() || busy}
        />
      }
    >
      <label className="field">
        <span className="field__label">Title</span>
        <input
          className="input"
          dir="auto"
          value={title}
          placeholder="Taken from the first line if left empty"
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      {held !== null ? (
        <div className="field paste-held" role="status">
          <span className="field__label">Text</span>
          <p>
            {`Pasted ${held.size} of text (${plural(held.lines, 'line')}): too long to show here; it is imported as it is.`}
          </p>
          <button type="button" className="button button--small" onClick={() => setHeld(null)}>
            Clear
          </button>
        </div>
      ) : (
        <label className="field">
          <span className="field__label">Text</span>
          <textarea
            className="input textarea textarea--tall"
            dir="auto"
            value={text}
            required
            data-autofocus
            onPaste={onPaste}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
      )}
      {refusal && (
        <p className="paste-refusal" role="alert">
          {refusal}
        </p>
      )}
    </Dialog>
  );
}
