// Editing a source's details: title, publisher, author, URL, published date, language and its
// reliability grade (A–F). Checked with the contract's own schema before it is sent, so the
// message next to a field is the one the store would give.
import { useEffect, useState } from 'react';
import { sourceMetadataSchema, type Source } from '../../shared/api/sources';
import {
  SOURCE_RELIABILITY,
  SOURCE_RELIABILITY_GRADES,
  type SourceReliability,
} from '../../shared/tradecraft/vocabularies';
import { invoke } from '../bridge';
import { CancelAndSubmit, Dialog } from '../ui/Dialog';
import { useToasts } from '../ui/Toasts';

type Draft = Record<'title' | 'publisher' | 'author' | 'url' | 'publishedAt' | 'language', string> & {
  reliability: SourceReliability;
};

function draftOf(source: Source): Draft {
  return {
    title: source.title,
    publisher: source.publisher ?? '',
    author: source.author ?? '',
    url: source.url ?? '',
    publishedAt: source.publishedAt ?? '',
    language: source.language ?? '',
    reliability: source.reliability,
  };
}

function metadataOf(draft: Draft): unknown {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    title: draft.title,
    publisher: orNull(draft.publisher),
    author: orNull(draft.author),
    url: orNull(draft.url),
    publishedAt: orNull(draft.publishedAt),
    language: orNull(draft.language),
    reliability: draft.reliability,
  };
}

const FIELDS: { name: Exclude<keyof Draft, 'reliability'>; label: string; hint?: string; type?: string }[] = [
  { name: 'title', label: 'Title' },
  { name: 'publisher', label: 'Publisher' },
  { name: 'author', label: 'Author' },
  { name: 'url', label: 'URL', type: 'url' },
  { name: 'publishedAt', label: 'Published', hint: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { name: 'language', label: 'Language', hint: 'e.g. en, ar, he' },
];

/** Open while `source` is set. */
export function SourceDetailsDialog({ source, onClose }: { source: Source | null; onClose: () => void }) {
  const toasts = useToasts();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setDraft(source ? draftOf(source) : null);
    setErrors({});
  }, [source]);

  const save = async () => {
    if (!source || !draft) return;
    const parsed = sourceMetadataSchema.safeParse(metadataOf(draft));
    if (!parsed.success) {
      const next: Partial<Record<keyof Draft, string>> = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Draft] ??= issue.message;
      setErrors(next);
      return;
    }
    setSaving(true);
    try {
      await invoke('sources.update', { sourceId: source.id, metadata: parsed.data });
      onClose();
    } catch (error) {
      toasts.error(error, 'Could not save the source details');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open={source !== null && draft !== null}
      title="Source details"
      description="How this source is described in the library and in exported briefs."
      onClose={onClose}
      onSubmit={() => void save()}
      footer={
        <CancelAndSubmit onCancel={onClose} submitLabel={saving ? 'Saving…' : 'Save details'} disabled={saving} />
      }
    >
      {draft && (
        <div className="form-grid">
          {FIELDS.map((field) => (
            <label key={field.name} className="field">
              <span className="field__label">{field.label}</span>
              <input
                className="input"
                type={field.type ?? 'text'}
                dir="auto"
                value={draft[field.name]}
                required={field.name === 'title'}
                aria-invalid={errors[field.name] ? true : undefined}
                onChange={(e) => setDraft({ ...draft, [field.name]: e.target.value })}
              />
              {errors[field.name] ? (
                <span className="field__error">{errors[field.name]}</span>
              ) : (
                field.hint && <span className="field__hint">{field.hint}</span>
              )}
            </label>
          ))}
          <label className="field">
            <span className="field__label">Reliability</span>
            <select
              className="input"
              value={draft.reliability}
              onChange={(e) => setDraft({ ...draft, reliability: e.target.value as SourceReliability })}
            >
              {SOURCE_RELIABILITY_GRADES.map((grade) => (
                <option key={grade} value={grade}>
                  {`${grade} — ${SOURCE_RELIABILITY[grade]}`}
                </option>
              ))}
            </select>
            <span className="field__hint">Admiralty grade of the source as a whole.</span>
          </label>
        </div>
      )}
    </Dialog>
  );
}
