// "Paste text": imports text from the clipboard as a new source. The textarea takes plain text
// only (a textarea never takes the clipboard's HTML flavour), so nothing pasted is parsed as markup.
import { useEffect, useState } from 'react';
import { Dialog } from '../ui/Dialog';

export function PasteTextDialog({ open, onClose, onImport }: { open: boolean; onClose(): void; onImport(text: string, title: string): Promise<boolean> }) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setText('');
      setTitle('');
    }
  }, [open]);

  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    const imported = await onImport(text, title);
    setBusy(false);
    if (imported) onClose();
  };

  return (
    <Dialog
      open={open}
      wide
      title="Paste text as a source"
      description="The text is stored as a new source. Formatting is dropped; only the words are kept."
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!text.trim() || busy}>
            {busy ? 'Importing…' : 'Import text'}
          </button>
        </>
      }
    >
      <label className="field">
        <span className="field__label">Title</span>
        <input className="input" dir="auto" value={title} placeholder="Taken from the first line if left empty" onChange={(e) => setTitle(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">Text</span>
        <textarea
          className="input textarea textarea--tall"
          dir="auto"
          value={text}
          required
          data-autofocus
          onChange={(e) => setText(e.target.value)}
        />
      </label>
    </Dialog>
  );
}
