// Creating a brief (title, marking, template) and changing an existing brief's title and marking.
import { useId, useState } from 'react';
import type { BriefSummary } from '../../shared/api/briefs';
import { isValidMarking } from '../../shared/tradecraft/vocabularies';
import { invoke } from '../bridge';
import { CancelAndSubmit, Dialog } from '../ui/Dialog';
import { useToasts } from '../ui/Toasts';
import { MarkingPicker } from './MarkingPicker';

export type BriefDialogMode = { kind: 'new'; defaultMarking: string } | { kind: 'edit'; brief: BriefSummary };

interface BriefDialogProps {
  mode: BriefDialogMode | null;
  onClose: () => void;
  onDone: (briefId: number) => void;
}

/** Open while `mode` is set; calls `onDone` with the brief's id after a successful save. */
export function BriefDialog({ mode, ...props }: BriefDialogProps) {
  // A fresh form for every opening, so no field carries over from the last brief.
  if (!mode) return null;
  return <OpenBriefDialog key={mode.kind === 'edit' ? `edit-${mode.brief.id}` : 'new'} mode={mode} {...props} />;
}

function OpenBriefDialog({ mode, onClose, onDone }: BriefDialogProps & { mode: BriefDialogMode }) {
  const toasts = useToasts();
  const titleId = useId();
  const [title, setTitle] = useState(mode.kind === 'edit' ? mode.brief.title : '');
  const [marking, setMarking] = useState(mode.kind === 'edit' ? mode.brief.marking : mode.defaultMarking);
  const [template, setTemplate] = useState(true);
  const [errors, setErrors] = useState<{ title?: string; marking?: string }>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const next: typeof errors = {};
    if (!title.trim()) next.title = 'Give the brief a title.';
    if (!isValidMarking(marking))
      next.marking = 'Caveats may use only capital letters, digits, spaces and commas, e.g. NOFORN.';
    setErrors(next);
    if (next.title || next.marking) return;
    setBusy(true);
    try {
      if (mode.kind === 'new') {
        const brief = await invoke('briefs.create', {
          title: title.trim(),
          marking,
          template: template ? 'standard' : 'empty',
        });
        onDone(brief.id);
      } else {
        await invoke('briefs.update', { briefId: mode.brief.id, title: title.trim(), marking });
        onDone(mode.brief.id);
      }
      onClose();
    } catch (error) {
      toasts.error(error, mode.kind === 'new' ? 'Could not create the brief' : 'Could not save the brief');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={mode.kind === 'edit' ? 'Brief properties' : 'New brief'}
      description={mode.kind === 'edit' ? undefined : 'A brief collects claim cards and your analysis around them.'}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <CancelAndSubmit
          onCancel={onClose}
          submitLabel={mode.kind === 'edit' ? 'Save' : 'Create brief'}
          disabled={busy}
        />
      }
    >
      <>
        <div className="field">
          <label className="field__label" htmlFor={titleId}>
            Title
          </label>
          <input
            id={titleId}
            className="input"
            dir="auto"
            value={title}
            data-autofocus
            required
            aria-invalid={errors.title ? true : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
          {errors.title && <span className="field__error">{errors.title}</span>}
        </div>
        <MarkingPicker value={marking} onChange={setMarking} error={errors.marking} />
        {mode.kind === 'new' && (
          <label className="checkbox">
            <input type="checkbox" checked={template} onChange={(e) => setTemplate(e.target.checked)} />
            <span>Start from the standard outline: BLUF, Key judgments, Discussion, Outlook</span>
          </label>
        )}
      </>
    </Dialog>
  );
}
