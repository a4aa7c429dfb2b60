// A claim card being created, usually from a passage selected in the reader. Each passage is
// sent with the version it was selected in; if its source changed since, the library carries
// it into the current version or refuses, and a refusal leaves everything typed here in place.
import { useEffect, useState } from 'react';
import type { CitationStance } from '../../shared/tradecraft/vocabularies';
import { invoke } from '../bridge';
import { useWorkspaceActions } from '../workspace/workspaceState';
import type { PassageSelection } from '../sources/readerSelection';
import { passageTarget, useReaderSelection } from '../sources/readerSelection';
import { Kbd } from '../ui/Kbd';
import { SHORTCUTS } from '../ui/keyboard';
import { useToasts } from '../ui/Toasts';
import { EMPTY_DRAFT, type ClaimDraft } from './claimDraft';
import { ClaimFields } from './ClaimFields';
import { ClaimForm, useCheckedSave } from './ClaimForm';
import { CitationList, type CitationRow } from './CitationList';

const keyOf = (p: PassageSelection) => `${p.sourceId}:${p.versionId}:${p.start}-${p.end}`;

export function NewClaimCard({ passages }: { passages: readonly PassageSelection[] }) {
  const actions = useWorkspaceActions();
  const toasts = useToasts();
  const selection = useReaderSelection();
  const [draft, setDraft] = useState<ClaimDraft>(EMPTY_DRAFT);
  const [stances, setStances] = useState<Record<string, CitationStance>>({});
  const [removed, setRemoved] = useState<ReadonlySet<string>>(new Set());
  const { errors, saving, saveChecked } = useCheckedSave();

  const cited = passages.filter((p) => !removed.has(keyOf(p)));
  const dirty = draft.statement.trim() !== '' || draft.tags.length > 0;
  useEffect(() => actions.setInspectorDirty(dirty), [actions, dirty]);

  const rows: CitationRow[] = cited.map((p) => ({
    key: keyOf(p),
    quote: p.exact,
    sourceTitle: p.sourceTitle,
    stance: stances[keyOf(p)] ?? 'supports',
  }));
  const canAddSelection = selection !== null && !cited.some((p) => keyOf(p) === keyOf(selection));

  const save = () =>
    saveChecked(draft, async (fields) => {
      try {
        const claim = await invoke('claims.create', {
          ...fields,
          citations: cited.map((p) => ({
            target: passageTarget(p),
            stance: stances[keyOf(p)] ?? 'supports',
          })),
        });
        actions.setInspectorDirty(false);
        toasts.success(
          'Claim card created',
          cited.length
            ? `It cites ${cited.length === 1 ? 'one passage' : `${cited.length} passages`}.`
            : 'It cites no passage yet.',
        );
        actions.inspectClaim(claim.id);
      } catch (error) {
        toasts.error(error, 'Could not create the claim card');
      }
    });

  return (
    <ClaimForm labelledBy="new-card-title" onSave={() => void save()}>
      <header className="claim-form__header">
        <h2 id="new-card-title" className="panel-title">
          New claim card
        </h2>
      </header>
      <ClaimFields draft={draft} errors={errors} onChange={setDraft} autoFocus />

      <section className="claim-form__citations" aria-labelledby="new-card-citations">
        <h3 id="new-card-citations" className="section-title">
          Citations
        </h3>
        {rows.length === 0 ? (
          <p className="muted">No passage cited yet. Select a passage in a source and choose “Add to card”.</p>
        ) : (
          <CitationList
            rows={rows}
            credibility={draft.credibility}
            onStance={(row, stance) => setStances({ ...stances, [row.key]: stance })}
            onShow={(row) => {
              const passage = cited.find((p) => keyOf(p) === row.key);
              if (passage) actions.openSource(passage.sourceId);
            }}
            onRemove={(row) => setRemoved(new Set([...removed, row.key]))}
          />
        )}
        {canAddSelection && (
          <button type="button" className="button button--small" onClick={() => actions.addPassageToNewCard(selection)}>
            Add the selected passage “
            {selection.exact.length > 40 ? `${[...selection.exact].slice(0, 39).join('')}…` : selection.exact}”
          </button>
        )}
      </section>

      <footer className="claim-form__footer">
        <button type="button" className="button" onClick={() => actions.closeInspector()}>
          Discard
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create card'} <Kbd shortcut={SHORTCUTS.saveCard} />
        </button>
      </footer>
    </ClaimForm>
  );
}
