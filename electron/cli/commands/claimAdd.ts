// `briefing claim add`: a new claim card, its citations found by exact quote in their sources.
import { Option, type Command } from 'commander';
import {
  CITATION_STANCES,
  CLAIM_KINDS,
  CLAIM_STATUSES,
  CONFIDENCE_LEVELS,
  INFORMATION_CREDIBILITY,
  LIKELIHOOD_TERMS,
  type CitationStance,
  type ClaimKind,
  type ClaimStatus,
  type ConfidenceLevel,
  type InformationCredibility,
  type LikelihoodTerm,
} from '../../../shared/tradecraft/vocabularies';
import { collect, example, oneOf, parseCite, positiveInt, type CiteTarget } from '../options';
import type { Session } from '../session';

/** As typed: the contract, not commander, refuses a value outside its vocabulary, with the sentence the app shows. */
interface ClaimAddOptions {
  statement: string;
  kind: ClaimKind;
  likelihood?: LikelihoodTerm;
  confidence?: ConfidenceLevel;
  credibility?: InformationCredibility;
  status: ClaimStatus;
  tag?: string[];
  cite?: CiteTarget[];
  stance: CitationStance;
}

const CREDIBILITY_GRADES = Object.keys(INFORMATION_CREDIBILITY);

export function claimAddCommand(claim: Command, session: Session): void {
  claim
    .command('add')
    .description('create a claim card citing passages of sources')
    .requiredOption('--statement <text>')
    .option('--kind <kind>', oneOf(CLAIM_KINDS), 'fact' satisfies ClaimKind)
    .option('--likelihood <term>', `estimative term: ${oneOf(LIKELIHOOD_TERMS)}`)
    .option('--confidence <level>', oneOf(CONFIDENCE_LEVELS))
    .option(
      '--credibility <n>',
      `information credibility ${CREDIBILITY_GRADES[0]}-${CREDIBILITY_GRADES.at(-1)}`,
      positiveInt('--credibility'),
    )
    .option('--status <status>', oneOf(CLAIM_STATUSES), 'draft' satisfies ClaimStatus)
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('--cite <source:quote>', 'SOURCE_ID:"exact quote" (repeatable)', parseCite)
    .addOption(
      new Option('--stance <stance>', 'stance of every --cite')
        .choices(CITATION_STANCES)
        .default('supports' satisfies CitationStance),
    )
    .addHelpText(
      'after',
      example(
        'briefing claim add --statement "Three ships docked on Friday" --likelihood "almost certain" --confidence high --cite 1:"Three cargo ships docked"',
      ),
    )
    .action(async (options: ClaimAddOptions) => {
      const created = await session.open().invoke('claims.create', {
        statement: options.statement,
        kind: options.kind,
        likelihood: options.likelihood ?? null,
        confidence: options.confidence ?? null,
        credibility: options.credibility ?? null,
        status: options.status,
        tags: options.tag ?? [],
        citations: (options.cite ?? []).map((target) => ({ target, stance: options.stance })),
      });
      const citationIds = created.citations.map((c) => c.id);
      session.print(
        { claimId: created.id, citationIds, claim: created },
        () => `Created claim ${created.id} with ${citationIds.length} citation(s).`,
      );
    });
}
