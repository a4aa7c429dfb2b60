// How a handling marking looks on paper: TLP 2.0 labels in their official colours on black,
// classification banners in the customary banner colours (tradecraft.md, "Handling markings").
import { markingScheme } from '../../../shared/tradecraft/vocabularies';

/** The FIRST TLP 2.0 definitions, printed under the label in the title block. */
const TLP_DEFINITIONS: Record<string, string> = {
  'TLP:RED': 'For the eyes and ears of individual recipients only, no further disclosure.',
  'TLP:AMBER+STRICT':
    'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization only.',
  'TLP:AMBER':
    'Limited disclosure, recipients can only spread this on a need-to-know basis within their organization and its clients.',
  'TLP:GREEN': 'Limited disclosure, recipients can spread this within their community.',
  'TLP:CLEAR': 'Recipients can spread this to the world, there is no limit on disclosure.',
};

const TLP_COLOURS: Record<string, string> = {
  'TLP:RED': '#FF2B2B',
  'TLP:AMBER+STRICT': '#FFC000',
  'TLP:AMBER': '#FFC000',
  'TLP:GREEN': '#33FF00',
  'TLP:CLEAR': '#FFFFFF',
};

const CLASSIFICATION_COLOURS: Record<string, { background: string; text: string }> = {
  UNCLASSIFIED: { background: '#007A33', text: '#FFFFFF' },
  CONFIDENTIAL: { background: '#0033A0', text: '#FFFFFF' },
  SECRET: { background: '#C8102E', text: '#FFFFFF' },
  'TOP SECRET': { background: '#FF8C00', text: '#000000' },
};

export interface MarkingStyle {
  /** The banner text exactly as the brief holds it (empty for none). */
  label: string;
  /** One sentence of handling guidance for the title block, or null. */
  definition: string | null;
  background: string;
  text: string;
}

export function markingStyle(marking: string): MarkingStyle | null {
  switch (markingScheme(marking)) {
    case 'none':
      return null;
    case 'tlp':
      return {
        label: marking,
        definition: TLP_DEFINITIONS[marking] ?? null,
        background: '#000000',
        text: TLP_COLOURS[marking] ?? '#FFFFFF',
      };
    case 'classification': {
      const level = marking.split('//')[0]!;
      const colours = CLASSIFICATION_COLOURS[level] ?? { background: '#000000', text: '#FFFFFF' };
      return { label: marking, definition: null, ...colours };
    }
  }
}
