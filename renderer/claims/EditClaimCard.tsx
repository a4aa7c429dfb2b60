// Editing a saved claim card. A card lives once in the library and shows in every brief that
// embeds it, so the form says which briefs a change will reach before it is saved. Saving
// passes the revision the edit started from; a card changed elsewhere meanwhile is refused
// (CONFLICT) and the form says so instead of overwriting the other change.
import { useEffect, useState } from 'react';
import type { Claim } from '../../shared/api/claims';
import type { AppError } from '../../shared/api/errors';
import type { CitationStance } from '../../shared/tradecraft/vocabularies';
import { invoke, toAppError, useQuery } from '../bridge';
import { useWorkspace, useWorkspaceActions } from '../workspace/workspaceState';
import { passageTarget, samePassage, useReaderSelection } from '../sources/readerSelection';
import { ErrorNote } from '../ui/ErrorNote';
import { formatUpdated } from '../ui/formatDate';
import { Kbd } from '../ui/Kbd';
import { SHORTCUTS } from '../ui/keyboard';
import { useToasts } from '../ui/Toasts';
import { draftOfClaim, sameDraft, sharedUseWarning, type ClaimDraft } from './claimDraft';
import { ClaimFields } from './ClaimFields';
import { ClaimForm, useCheckedSave } from './ClaimForm';
import { CitationList, type CitationRow } from './CitationList';
import { insertClaimIntoBrief } from '../briefs/insertIntoBrief';

export function EditClaimCard({ claimId }: { claimId: number }) {
  const { openBriefId } = useWorkspace();
  const actions = useWorkspaceActions();
  const toasts = useToasts();
  const selection = useReaderSelection();
  const claim = useQuery(() => invoke('claims.get', { claimId }), [claimId], ['claims', 'citations']);
  const usedIn = useQuery(() => invoke('claims.usedIn', { claimId }), [claimId], ['usage', 'briefs']);
  /** The saved card the draft started from: its revision is what saving passes as baseRevision. */
  const [base, setBase] = useState<Claim | null>(null);
  const [draft, setDraft] = useState<ClaimDraft | null>(null);
  const [conflict, setConflict] = useState<AppError | null>(null);
  const { errors, saving, saveChecked } = useCheckedSave();

  const dirty = Boolean(draft && base && !sameDraft(draft, draftOfClaim(base)));

  // Follow the saved card while there are no edits (another window, a citation added, a save).
  // Each answer from the library is looked at once, when it arrives: only a new answer may reset
  // the draft, never the edits becoming clean again (Revert does that itself). Adjusted during
  // render, as React suggests for state that follows a value, so no effect has to skip `dirty`.
  const [followed, setFollowed] = useState<Claim | undefined>(undefined);
  if (claim.data !== followed) {
    setFollowed(claim.data);
    if (claim.data && claim.data.id === claimId && !dirty) {
      setBase(claim.data);
      setDraft(draftOfClaim(claim.data));
    }
  }

  useEffect(() => actions.setInspectorDirty(dirty), [actions, dirty]);

  // When the card replaces what had focus (the new-card form that created it), focus its title
  // instead of dropping keyboard users at the top of the page.
  const loaded = Boolean(draft);
  useEffect(() => {
    if (loaded && (document.activeElement === document.body || document.activeElement === null))
      document.getElementById('card-title')?.focus();
  }, [loaded]);

  if (claim.error && !claim.data) return <ErrorNote error={claim.error} onRetry={claim.reload} />;
  if (!claim.data || !draft || !base || base.id !== claimId) return <p className="loading">Loading claim card…</p>;

  const live = claim.data;
  const uses = usedIn.data ?? [];
  const warning = dirty ? sharedUseWarning(uses, openBriefId) : null;
  const changedElsewhere = dirty && live.revision !== base.revision;

  const save = () =>
    saveChecked(draft, async (fields) => {
      try {
        const saved = await invoke('claims.update', { claimId, baseRevision: base.revision, fields });
        setConflict(null);
        setBase(saved);
        setDraft(draftOfClaim(saved));
        toasts.success(
          'Card saved',
          uses.length > 0 ? `Every brief that uses it (${uses.length}) shows the change.` : '',
        );
      } catch (error) {
        const appError = toAppError(error);
        if (appError.code === 'CONFLICT') setConflict(appError);
        else toasts.error(appError, 'Could not save the card');
      }
    });

  /** Drops the edits and starts again from the card as stored now (which this window may not have heard of). */
  const loadLatest = async () => {
    try {
      const latest = await invoke('claims.get', { claimId });
      setConflict(null);
      setBase(latest);
      setDraft(draftOfClaim(latest));
      claim.reload();
    } catch (error) {
      toasts.error(error, 'Could not load the card');
    }
  };

  const rows: CitationRow[] = live.citations.map((c) => ({
    key: String(c.id),
    quote: c.exact,
    sourceTitle: c.sourceTitle,
    stance: c.stance,
    citation: c,
  }));

  /** A stance is the analyst's judgement of the passage: it changes in place, whatever the passage's anchoring. */
  const changeStance = (row: CitationRow, stance: CitationStance) => {
    const c = row.citation;
    if (!c) return;
    invoke('citations.update', { citationId: c.id, fields: { stance } }).catch((error: unknown) =>
      toasts.error(error, 'Could not change the stance'),
    );
  };

  const detach = async (row: CitationRow) => {
    const c = row.citation;
    if (!c) return;
    try {
      await invoke('citations.detach', { citationId: c.id });
      const { start, end } = c;
      toasts.success(
        'Citation detached',
        `“${c.exact.length > 60 ? `${[...c.exact].slice(0, 59).join('')}…` : c.exact}”`,
        c.anchorStatus === 'exact' && start !== null && end !== null
          ? {
              label: 'Undo',
              run: () =>
                void invoke('citations.attach', {
                  claimId,
                  // The version it was found in: if the source changed since, the library carries it over.
                  target: passageTarget({ ...c, start, end }),
                  stance: c.stance,
                }).catch((e: unknown) => toasts.error(e, 'Could not restore the citation')),
            }
          : undefined,
      );
    } catch (error) {
      toasts.error(error, 'Could not detach the citation');
    }
  };

  const addSelection = async () => {
    if (!selection) return;
    try {
      await invoke('citations.attach', {
        claimId,
        target: passageTarget(selection),
        stance: 'supports',
      });
    } catch (error) {
      toasts.error(error, 'Could not add the citation');
    }
  };

  const alreadyCited = selection !== null && live.citations.some((c) => samePassage(c, selection));

  return (
    <ClaimForm labelledBy="card-title" onSave={() => void save()} canSave={dirty}>
      <header className="claim-form__header">
        <div>
          <h2 id="card-title" className="panel-title" tabIndex={-1}>
            Claim card <span className="muted">#{live.id}</span>
          </h2>
          <p className="claim-form__meta">
            Revision {live.revision} · updated {formatUpdated(live.updatedAt)} ·{' '}
            {uses.length === 0
              ? 'not in any brief'
              : `used in ${uses.length === 1 ? '1 brief' : `${uses.length} briefs`}`}
          </p>
        </div>
        <button
          type="button"
          className="button button--small"
          disabled={openBriefId === null}
          title={openBriefId === null ? 'Open a brief to insert cards into it' : undefined}
          onClick={() => insertClaimIntoBrief(claimId)}
        >
          Insert into brief
        </button>
      </header>

      {uses.length > 0 && (
        <ul className="used-in" aria-label="Briefs that use this card">
          {uses.map((use) => (
            <li key={use.briefId}>
              <button type="button" className="link-button" onClick={() => actions.openBrief(use.briefId)}>
                {use.title}
              </button>
            </li>
          ))}
        </ul>
      )}

      {conflict && (
        <div className="banner banner--danger" role="alert">
          <p>
            <strong>Not saved: this card was changed elsewhere.</strong> {conflict.message}
          </p>
          <button type="button" className="button button--small" onClick={() => void loadLatest()}>
            Load the latest version (discards your edits)
          </button>
        </div>
      )}
      {changedElsewhere && !conflict && (
        <div className="banner banner--warning">
          <p>
            This card was changed elsewhere while you were editing it; saving will be refused until you load the latest
            version.
          </p>
        </div>
      )}

      <ClaimFields draft={draft} errors={errors} onChange={setDraft} />

      <section className="claim-form__citations" aria-labelledby="card-citations">
        <h3 id="card-citations" className="section-title">
          Citations
        </h3>
        {rows.length === 0 ? (
          <p className="muted">This card cites no passage yet. Select one in a source and choose “Add to card”.</p>
        ) : (
          <CitationList
            rows={rows}
            credibility={draft.credibility}
            onStance={changeStance}
            onShow={(row) => {
              if (row.citation)
                actions
                  .openCitation(row.citation.id)
                  .catch((e: unknown) => toasts.error(e, 'Could not open the passage'));
            }}
            onRemove={(row) => void detach(row)}
          />
        )}
        {selection && !alreadyCited && (
          <button type="button" className="button button--small" onClick={() => void addSelection()}>
            Cite the selected passage “
            {selection.exact.length > 40 ? `${[...selection.exact].slice(0, 39).join('')}…` : selection.exact}”
          </button>
        )}
      </section>

      <footer className="claim-form__footer">
        {warning && (
          <p className="claim-form__warning" role="status">
            {warning}
          </p>
        )}
        <button type="button" className="button" disabled={!dirty} onClick={() => setDraft(draftOfClaim(base))}>
          Revert
        </button>
        <button type="submit" className="button button--primary" disabled={!dirty || saving}>
          {saving
            ? 'Saving…'
            : warning
              ? uses.length === 1
                ? 'Save (changes 1 brief)'
                : `Save in all ${uses.length} briefs`
              : 'Save card'}{' '}
          <Kbd shortcut={SHORTCUTS.saveCard} />
        </button>
      </footer>
    </ClaimForm>
  );
}
