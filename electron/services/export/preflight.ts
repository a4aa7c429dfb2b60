// The pre-flight every export runs first: orphaned citations block the
// export until the analyst confirms; fuzzy anchors, uncited claims and references to things
// no longer in the library are listed.
import type { ExportPreflight } from '../../../shared/api/briefs';
import { AppError } from '../../../shared/api/errors';
import { checkBrief } from '../briefs/handlers';
import type { ServiceContext } from '../context';

export function preflightBrief(ctx: ServiceContext, briefId: number): ExportPreflight {
  const brief = ctx.briefs.getSummary(briefId);
  if (!brief) throw new AppError('NOT_FOUND', `There is no brief with id ${briefId}.`);
  const check = checkBrief(ctx, briefId);
  const titles = new Map<number, string>();
  const sourceTitle = (sourceId: number) => {
    if (!titles.has(sourceId)) titles.set(sourceId, ctx.sources.get(sourceId)?.title ?? `Source ${sourceId}`);
    return titles.get(sourceId)!;
  };
  const listed = check.citations.map((c) => ({ ...c, sourceTitle: sourceTitle(c.sourceId) }));
  const entry = (c: (typeof listed)[number]): ExportPreflight['orphaned'][number] => ({
    citationId: c.citationId,
    claimId: c.claimId,
    sourceId: c.sourceId,
    sourceTitle: c.sourceTitle,
    quote: c.quote,
    score: c.score,
  });
  const orphaned = listed.filter((c) => c.status === 'orphaned').map(entry);
  return {
    briefId,
    briefTitle: brief.title,
    revision: brief.revision,
    citationCount: check.citations.length,
    orphaned,
    fuzzy: listed.filter((c) => c.status === 'fuzzy').map(entry),
    uncitedClaims: check.uncitedClaims,
    missingClaimIds: check.missingClaimIds,
    missingCitationIds: check.missingCitationIds,
    blocked: orphaned.length > 0,
  };
}

/** The pre-flight as lines for a terminal (the CLI prints these; the app shows the same list). */
export function describePreflight(p: ExportPreflight): string[] {
  const quote = (q: string) => `"${q.length > 90 ? `${q.slice(0, 89)}…` : q}"`;
  const lines: string[] = [];
  for (const c of p.orphaned)
    lines.push(
      `ORPHANED citation ${c.citationId} (claim ${c.claimId ?? '—'}, source ${c.sourceId} "${c.sourceTitle}"): ${quote(c.quote)}`,
    );
  for (const c of p.fuzzy)
    lines.push(
      `fuzzy citation ${c.citationId} (claim ${c.claimId ?? '—'}, score ${c.score?.toFixed(2) ?? '?'}): ${quote(c.quote)}`,
    );
  for (const u of p.uncitedClaims) lines.push(`uncited claim ${u.claimId}: ${u.statement}`);
  for (const id of p.missingClaimIds) lines.push(`missing claim ${id} (no longer in the library)`);
  for (const id of p.missingCitationIds) lines.push(`missing citation ${id} (detached or deleted)`);
  lines.push(
    `Pre-flight: ${p.citationCount} citation(s), ${p.orphaned.length} orphaned, ${p.fuzzy.length} fuzzy, ${p.uncitedClaims.length} uncited claim(s).`,
  );
  return lines;
}
