// `briefing claims [QUERY…]`: full-text search over claim cards, with the library's filters.
import type { Command } from 'commander';
import {
  CLAIM_STATUSES,
  CONFIDENCE_LEVELS,
  formatGrading,
  LIKELIHOOD_TERMS,
  type ClaimStatus,
  type ConfidenceLevel,
  type LikelihoodTerm,
} from '../../../shared/tradecraft/vocabularies';
import { example, oneOf, positiveInt } from '../options';
import type { Session } from '../session';

/** As typed: the contract, not commander, refuses a value outside its vocabulary, with the sentence the app shows. */
interface ClaimsOptions {
  tag?: string;
  status?: ClaimStatus;
  likelihood?: LikelihoodTerm;
  confidence?: ConfidenceLevel;
  source?: number;
  limit: number;
}

export function claimsCommand(program: Command, session: Session): void {
  program
    .command('claims')
    .description('search claim cards (all words must match; "quoted phrases"; the last word matches as a prefix)')
    .argument('[query...]', 'search text')
    .option('--tag <tag>', 'only claims with this tag')
    .option('--status <status>', oneOf(CLAIM_STATUSES))
    .option('--likelihood <term>', oneOf(LIKELIHOOD_TERMS))
    .option('--confidence <level>', oneOf(CONFIDENCE_LEVELS))
    .option('--source <id>', 'only claims citing this source', positiveInt('--source'))
    .option('--limit <n>', 'at most this many', positiveInt('--limit'), 50)
    .addHelpText('after', example('briefing claims harbour ships --status verified --limit 10'))
    .action(async (query: string[], options: ClaimsOptions) => {
      const result = await session.open().invoke('claims.search', {
        query: query.join(' '),
        tag: options.tag,
        status: options.status,
        likelihood: options.likelihood,
        confidence: options.confidence,
        sourceId: options.source,
        limit: options.limit,
      });
      session.print(result, () =>
        result.total === 0
          ? 'No claims match.'
          : [
              ...result.hits.map((c) => {
                const grading = c.citations[0] ? formatGrading(c.citations[0].sourceReliability, c.credibility) : '—';
                return `${c.id}\t${c.status}\t${c.likelihood ?? '—'}\t${c.confidence ?? '—'}\t${grading}\t${c.statement}`;
              }),
              `${result.hits.length} of ${result.total} claims.`,
            ].join('\n'),
      );
    });
}
