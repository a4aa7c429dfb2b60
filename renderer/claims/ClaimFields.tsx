// The editable fields of a claim card, with exactly the closed vocabularies of tradecraft.md:
// kind, likelihood (both ICD 203 rows), confidence, information credibility (1–6), status, tags.
import { useId } from 'react';
import {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  CONFIDENCE_LEVELS,
  INFORMATION_CREDIBILITY,
  type ClaimStatus,
  type InformationCredibility,
} from '../../shared/tradecraft/vocabularies';
import { invoke, useQuery } from '../bridge';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import type { ClaimDraft, DraftErrors } from './claimDraft';
import { LikelihoodSelect } from './LikelihoodSelect';
import { TagInput } from './TagInput';

const KIND_HELP = {
  fact: 'Directly observed or reported; verifiable.',
  assessment: 'An analytic reading of the evidence.',
  judgment: 'A key judgment: a conclusion the brief stands on.',
} as const;

const CONFIDENCE_OPTIONS = [
  { value: '', label: 'None' },
  ...CONFIDENCE_LEVELS.map((c) => ({ value: c, label: c })),
] as const;

export function ClaimFields({
  draft,
  errors,
  onChange,
  autoFocus,
}: {
  draft: ClaimDraft;
  errors: DraftErrors;
  onChange: (draft: ClaimDraft) => void;
  /** Put the caret in the statement (a new card: the statement is what comes next). */
  autoFocus?: boolean;
}) {
  const ids = { statement: useId(), likelihood: useId(), credibility: useId(), status: useId(), tags: useId() };
  const tags = useQuery(() => invoke('claims.tags', {}), [], ['claims']);
  const set = <K extends keyof ClaimDraft>(key: K, value: ClaimDraft[K]) => onChange({ ...draft, [key]: value });

  return (
    <div className="claim-fields">
      <div className="field">
        <label className="field__label" htmlFor={ids.statement}>
          Statement
        </label>
        <textarea
          id={ids.statement}
          className="input textarea"
          dir="auto"
          rows={4}
          autoFocus={autoFocus}
          value={draft.statement}
          required
          aria-invalid={errors.statement ? true : undefined}
          aria-describedby={errors.statement ? `${ids.statement}-error` : undefined}
          placeholder="One factual statement or judgment, in your words."
          onChange={(e) => set('statement', e.target.value)}
        />
        {errors.statement && (
          <span id={`${ids.statement}-error`} className="field__error">
            {errors.statement}
          </span>
        )}
      </div>

      <ChoiceGroup
        legend="Kind"
        value={draft.kind}
        options={CLAIM_KINDS.map((k) => ({ value: k, label: k, title: KIND_HELP[k] }))}
        onChange={(kind) => set('kind', kind)}
      />

      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor={ids.likelihood}>
            Likelihood
          </label>
          <LikelihoodSelect id={ids.likelihood} value={draft.likelihood} onChange={(v) => set('likelihood', v)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.credibility}>
            Information credibility
          </label>
          <select
            id={ids.credibility}
            className="input"
            value={draft.credibility ?? ''}
            onChange={(e) =>
              set('credibility', e.target.value ? (Number(e.target.value) as InformationCredibility) : null)
            }
          >
            <option value="">Not graded</option>
            {Object.entries(INFORMATION_CREDIBILITY).map(([grade, meaning]) => (
              <option key={grade} value={grade}>{`${grade} — ${meaning}`}</option>
            ))}
          </select>
        </div>
      </div>

      <ChoiceGroup
        legend="Analytic confidence"
        value={draft.confidence ?? ''}
        options={CONFIDENCE_OPTIONS}
        onChange={(value) => set('confidence', value || null)}
      />

      <div className="form-row">
        <div className="field">
          <label className="field__label" htmlFor={ids.status}>
            Status
          </label>
          <select
            id={ids.status}
            className="input"
            value={draft.status}
            onChange={(e) => set('status', e.target.value as ClaimStatus)}
          >
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--grow">
          <span className="field__label" id={ids.tags}>
            Tags
          </span>
          <TagInput
            labelId={ids.tags}
            tags={draft.tags}
            suggestions={(tags.data ?? []).map((t) => t.tag)}
            onChange={(next) => set('tags', next)}
          />
          {errors.tags && <span className="field__error">{errors.tags}</span>}
        </div>
      </div>
    </div>
  );
}
