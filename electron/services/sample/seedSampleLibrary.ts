// First run: fills an empty library with the sample source, its claim cards and a brief that
// embeds them, so a new user sees the product working at once. Goes through the validated
// handler table like any other caller; does nothing to a library that holds anything.
import type { Input, Method, Output } from '../../../shared/api/contract';
import {
  CITATION_NODE_TYPE,
  STANDARD_SECTIONS,
  claimCardNode,
  documentOf,
  headingNode,
  paragraphNode,
  textNode,
  type SerializedNode,
} from '../../../shared/briefs/document';
import {
  SAMPLE_BRIEF,
  SAMPLE_CLAIMS,
  SAMPLE_INLINE_QUOTE,
  SAMPLE_SOURCE_METADATA,
  SAMPLE_SOURCE_TEXT,
  type SampleClaim,
} from './sampleContent';

/** What the seeder needs of a library: its validating `invoke` (createLibrary's). */
export interface SampleTarget {
  invoke: <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;
}

export interface SeededSample {
  sourceId: number;
  claimIds: Record<SampleClaim['key'], number>;
  briefId: number;
}

/** True when the library holds no source, claim or brief (deleted briefs count as content). */
export async function isLibraryEmpty(library: SampleTarget): Promise<boolean> {
  const { counts } = await library.invoke('library.info', {});
  if (counts.sources > 0 || counts.claims > 0 || counts.briefs > 0) return false;
  const briefs = await library.invoke('briefs.list', { includeDeleted: true });
  return briefs.length === 0;
}

/**
 * Seeds the sample into an empty library and returns the ids it made; returns null (and writes
 * nothing) when the library already holds anything, so it is safe to call on every start.
 */
export async function seedSampleLibrary(library: SampleTarget): Promise<SeededSample | null> {
  if (!(await isLibraryEmpty(library))) return null;

  const { sourceId } = await library.invoke('sources.import', {
    content: { text: SAMPLE_SOURCE_TEXT, format: 'text', fileName: 'sample-harbour-watch-bulletin.txt' },
    metadata: { ...SAMPLE_SOURCE_METADATA },
  });

  const claimIds = {} as Record<SampleClaim['key'], number>;
  for (const sample of SAMPLE_CLAIMS) {
    const claim = await library.invoke('claims.create', {
      ...sample.fields,
      citations: sample.citations.map(({ quote, stance }) => ({ target: { sourceId, quote }, stance })),
    });
    claimIds[sample.key] = claim.id;
  }

  const brief = await library.invoke('briefs.create', { ...SAMPLE_BRIEF, template: 'standard' });
  const inline = await library.invoke('citations.attach', {
    briefId: brief.id,
    target: { sourceId, quote: SAMPLE_INLINE_QUOTE },
    stance: 'supports',
  });
  const citationNode: SerializedNode = { type: CITATION_NODE_TYPE, version: 1, citationId: inline.id };
  const [bluf, keyJudgments, discussion, outlook] = STANDARD_SECTIONS;

  const document = documentOf([
    headingNode(bluf),
    paragraphNode([
      textNode(
        'This is a sample brief, made on first run from a fictional bulletin so you can see how claim cards, citations and export fit together. ',
      ),
      textNode(
        'The ferry link to Meloa has reopened, but freight remains constrained and full capacity is some months away.',
      ),
    ]),
    headingNode(keyJudgments),
    claimCardNode(claimIds.freight),
    claimCardNode(claimIds.capacity),
    headingNode(discussion),
    paragraphNode([textNode('Passenger crossings restarted after nineteen days, with three vessels back in service.')]),
    claimCardNode(claimIds.reopened),
    claimCardNode(claimIds['first-departure']),
    paragraphNode([
      textNode('Fuel supply on the island was disrupted during the closure'),
      citationNode,
      textNode('.'),
    ]),
    headingNode(outlook),
    paragraphNode([
      textNode('Watch for a date for the southern ramp repair and for queue times at the freight lanes.'),
    ]),
  ]);
  await library.invoke('briefs.save', { briefId: brief.id, document, baseRevision: brief.revision });

  return { sourceId, claimIds, briefId: brief.id };
}
