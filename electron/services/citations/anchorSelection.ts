// A passage selected in a reader names the version it was selected in. The library, not the
// page, decides what it means now: in the current version it is cited where it is; in an older
// one it is carried into the current version by the same re-anchoring a re-import uses, keeping
// the words the analyst read, or refused when it is no longer there.
import { createAnchor, reanchor, type TextAnchor } from '../../../shared/anchoring';
import type { Citation } from '../../../shared/api/citations';
import { AppError } from '../../../shared/api/errors';
import type { ServiceContext } from '../context';
import { abbreviate } from '../sources/anchorCitations';

/** Offsets into one version of a source, as a reader selection gives them. */
export interface SelectionTarget {
  sourceId: number;
  versionId: number;
  start: number;
  end: number;
}

/** Where a new citation goes: the version it points into, its anchor, and how sure that is. */
export interface PlacedCitation {
  versionId: number;
  anchor: TextAnchor;
  anchorStatus: Exclude<Citation['anchorStatus'], 'orphaned'>;
  score: number;
}

/**
 * Places a selection made in `target.versionId` in the source's current version. Throws
 * NOT_FOUND / INVALID_INPUT for a source or version that is not there or not this source's,
 * and CONFLICT when the passage did not survive into the current version.
 */
export function placeSelection(ctx: ServiceContext, target: SelectionTarget): PlacedCitation {
  const source = ctx.sources.get(target.sourceId);
  if (!source) throw new AppError('NOT_FOUND', `There is no source with id ${target.sourceId}.`);
  const version = ctx.sources.getVersion(target.versionId);
  if (!version) throw new AppError('NOT_FOUND', `There is no source version with id ${target.versionId}.`);
  if (version.sourceId !== source.id) {
    throw new AppError(
      'INVALID_INPUT',
      `Version ${version.id} belongs to another source, not to "${abbreviate(source.title)}" (source ${source.id}). Select the passage again in "${abbreviate(source.title)}".`,
    );
  }

  const selectedText = ctx.sources.versionText(version.id)!;
  if (target.end > selectedText.length) {
    throw new AppError(
      'INVALID_INPUT',
      `The passage ${target.start}–${target.end} lies outside version ${version.versionNo} of "${abbreviate(source.title)}", whose text is ${selectedText.length} characters long.`,
    );
  }
  // The words the analyst selected, with their context, as they read them.
  const selected = createAnchor(selectedText, target.start, target.end);
  if (version.id === source.currentVersionId)
    return { versionId: version.id, anchor: selected, anchorStatus: 'exact', score: 1 };

  const found = reanchor(selected, ctx.sources.versionText(source.currentVersionId)!);
  if (found.status === 'orphaned') {
    throw new AppError(
      'CONFLICT',
      `The passage “${abbreviate(selected.exact)}” is no longer in the current version of "${abbreviate(source.title)}", which changed after it was selected. Reopen the source in the reader and select the passage again.`,
    );
  }
  if (found.status === 'exact')
    return { versionId: source.currentVersionId, anchor: found.anchor, anchorStatus: 'exact', score: 1 };
  // Edited since: cite where it now stands, but keep the quote and context the analyst selected,
  // so the citation says what they read and waits for their review like a re-imported fuzzy one.
  return {
    versionId: source.currentVersionId,
    anchor: { ...found.anchor, exact: selected.exact, prefix: selected.prefix, suffix: selected.suffix },
    anchorStatus: 'fuzzy',
    score: found.score,
  };
}
