// The first-run sample: an original, fictional report written for this project (every place,
// person and event is invented), the claim cards an analyst might draw from it, and a brief
// that embeds them. Quotes are copied from SAMPLE_SOURCE_TEXT verbatim so every citation
// anchors exactly; one is the Arabic sentence, to show right-to-left anchoring at once.
import type { ClaimFields } from '../../../shared/api/claims';

export const SAMPLE_TAG = 'sample';

export const SAMPLE_SOURCE_TITLE = 'SAMPLE — Harbour Watch Bulletin No. 7: Ferry service resumes at Port Tavrin';

export const SAMPLE_ARABIC_SENTENCE = 'ستغادر العبارة الأولى صباح يوم الاثنين.';

export const SAMPLE_SOURCE_TEXT = `SAMPLE DOCUMENT — fictional, written for Briefing Composer's first-run library. Every place, person and event in it is invented.

Harbour Watch Bulletin No. 7: Ferry service resumes at Port Tavrin

Port Tavrin, 12 March 2026. The ferry link between Port Tavrin and the island of Meloa resumed on Monday after a closure of nineteen days. The harbour authority said the closure followed storm damage to the northern ramp, which has now been rebuilt.

Three vessels are back in service: the Aster, the Coral Bay and the Northern Light. The harbour authority expects daily crossings to reach twelve by the end of the month, up from six in the first week.

Speaking in Arabic to passengers at the terminal, the port director said: "${SAMPLE_ARABIC_SENTENCE}" (The first ferry will leave on Monday morning.)

Freight operators were less optimistic. A spokesperson for the Meloa Hauliers Association said that lorries were still waiting up to nine hours to board, and that fuel deliveries to the island had fallen by about a third during the closure.

Traders on Meloa reported shortages of fresh produce in the second week of the closure. Two of the island's four petrol stations closed temporarily.

The harbour authority has not said when the southern ramp, damaged in the same storm, will be repaired. Engineers quoted by this bulletin estimated the work would take at least two months.

End of sample document.
`;

export const SAMPLE_SOURCE_METADATA = {
  title: SAMPLE_SOURCE_TITLE,
  publisher: 'Harbour Watch (fictional sample publisher)',
  author: 'Briefing Composer sample data',
  url: null,
  publishedAt: '2026-03-12',
  language: 'en',
  reliability: 'C',
} as const;

export interface SampleClaim {
  key: 'reopened' | 'first-departure' | 'freight' | 'capacity';
  fields: Partial<ClaimFields> & Pick<ClaimFields, 'statement'>;
  citations: Array<{ quote: string; stance: 'supports' | 'contradicts' | 'mentions' }>;
}

export const SAMPLE_CLAIMS: readonly SampleClaim[] = [
  {
    key: 'reopened',
    fields: {
      statement: 'The Port Tavrin–Meloa ferry link reopened after a nineteen-day closure caused by storm damage.',
      kind: 'fact',
      credibility: 2,
      status: 'verified',
      tags: [SAMPLE_TAG, 'ferry', 'Meloa'],
    },
    citations: [
      {
        quote:
          'The ferry link between Port Tavrin and the island of Meloa resumed on Monday after a closure of nineteen days.',
        stance: 'supports',
      },
      { quote: 'the closure followed storm damage to the northern ramp', stance: 'supports' },
    ],
  },
  {
    key: 'first-departure',
    fields: {
      statement: 'The port director told passengers that the first ferry would leave on Monday morning.',
      kind: 'fact',
      credibility: 3,
      status: 'draft',
      tags: [SAMPLE_TAG, 'ferry'],
    },
    citations: [{ quote: SAMPLE_ARABIC_SENTENCE, stance: 'supports' }],
  },
  {
    key: 'freight',
    fields: {
      statement: 'Freight to Meloa remains constrained despite the reopening of passenger crossings.',
      kind: 'assessment',
      likelihood: 'likely',
      confidence: 'moderate',
      credibility: 3,
      status: 'draft',
      tags: [SAMPLE_TAG, 'logistics', 'Meloa'],
    },
    citations: [
      { quote: 'lorries were still waiting up to nine hours to board', stance: 'supports' },
      {
        quote: 'The harbour authority expects daily crossings to reach twelve by the end of the month',
        stance: 'contradicts',
      },
    ],
  },
  {
    key: 'capacity',
    fields: {
      statement:
        'Ferry capacity will stay below its pre-storm level until the southern ramp is repaired, at least two months away.',
      kind: 'judgment',
      likelihood: 'likely',
      confidence: 'low',
      status: 'draft',
      tags: [SAMPLE_TAG, 'ferry', 'outlook'],
    },
    citations: [
      {
        quote: 'Engineers quoted by this bulletin estimated the work would take at least two months.',
        stance: 'supports',
      },
    ],
  },
];

/** A passage cited inline in the brief's running text (a citation that belongs to the brief). */
export const SAMPLE_INLINE_QUOTE = "Two of the island's four petrol stations closed temporarily.";

export const SAMPLE_BRIEF = {
  title: 'SAMPLE — Meloa ferry link reopens; freight still constrained',
  marking: 'TLP:CLEAR',
  author: 'Briefing Composer sample',
} as const;
