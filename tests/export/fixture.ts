// A realistic library for export tests, built only through the real services: four sources
// (English, Arabic, Hebrew, and one re-imported with edits), claim cards citing them, and two
// briefs — one whose citations are all found (one fuzzy), one that also cites an orphan.
import type { Library } from '../../electron/services/createLibrary';
import {
  CITATION_NODE_TYPE,
  claimCardNode,
  documentOf,
  headingNode,
  paragraphNode,
  textNode,
  type SerializedNode,
} from '../../shared/briefs/document';

export const TEXTS = {
  gazette:
    'Port of Velmora. Container traffic through the Port of Velmora fell by 38 percent in February compared with the same month last year, according to figures released by the port authority on Tuesday. ' +
    'Officials attributed the decline to the closure of the northern shipping channel after a dredging vessel ran aground on 12 February. ' +
    'The port authority expects container traffic to fall by a third before the summer unless the channel reopens. ' +
    'Two shipping lines, Meridian Freight and Oskar Lines, have already rerouted their weekly services to the port of Caldera, 140 kilometres to the south. ' +
    'Local union leaders warned that up to 1,200 dock jobs could be at risk if the closure lasts beyond April.',
  ministryAr:
    'قال المتحدث باسم وزارة النقل إن القناة الشمالية ستبقى مغلقة حتى نهاية شهر أبريل على الأقل. ' +
    'وأضاف أن فرق الإنقاذ تعمل على إزالة السفينة الجانحة، وأن الوزارة خصصت تمويلاً طارئاً لأعمال التجريف. ' +
    'ولم يحدد المتحدث موعداً نهائياً لإعادة فتح القناة.',
  shippingHe:
    'לפי דיווח של רשות הספנות, שתי חברות ספנות גדולות העבירו את קוויהן השבועיים לנמל קלדרה. ' +
    'הרשות מעריכה כי ההסטה תימשך לפחות שלושה חודשים. ' +
    'גורמים בענף אמרו כי עלויות ההובלה עלו בכעשרים אחוז מאז סגירת התעלה.',
  outlookV1:
    'Regional Logistics Outlook, March 2026. The closure of the northern channel has exposed the region’s dependence on a single deep-water route. ' +
    'Insurance premiums for vessels calling at Velmora have risen by an estimated 15 percent since the grounding. ' +
    'We assess that a prolonged closure would accelerate plans to expand the port of Caldera, which has idle berth capacity of roughly 400,000 containers a year. ' +
    'The government has not published a timetable for salvage operations, and officials have declined to comment on the cost of the work.',
  outlookV2:
    'Regional Logistics Outlook, March 2026 (revised). The closure of the northern channel has exposed the region’s dependence on a single deep-water route. ' +
    'Insurance premiums for ships calling at Velmora have risen by an estimated 15 per cent since the grounding. ' +
    'We assess that a prolonged closure would accelerate plans to expand the port of Caldera, which has idle berth capacity of roughly 400,000 containers a year. ' +
    'The government published a salvage timetable on 20 March and put the bill at forty million.',
};

export const QUOTES = {
  traffic: 'Container traffic through the Port of Velmora fell by 38 percent in February',
  expects:
    'The port authority expects container traffic to fall by a third before the summer unless the channel reopens.',
  rerouted:
    'Two shipping lines, Meridian Freight and Oskar Lines, have already rerouted their weekly services to the port of Caldera',
  jobs: 'up to 1,200 dock jobs could be at risk',
  arabic: 'القناة الشمالية ستبقى مغلقة حتى نهاية شهر أبريل على الأقل',
  hebrew: 'הרשות מעריכה כי ההסטה תימשך לפחות שלושה חודשים',
  caldera: 'We assess that a prolonged closure would accelerate plans to expand the port of Caldera',
  insurance:
    'Insurance premiums for vessels calling at Velmora have risen by an estimated 15 percent since the grounding.',
  orphan: 'officials have declined to comment on the cost of the work',
};

/** Text that must come out of the PDF as written, never as markup. */
export const HOSTILE_TEXT = '<script>alert("x")</script> & <b>not bold</b>';

export interface ExportFixture {
  sourceIds: { gazette: number; ministry: number; shipping: number; outlook: number };
  claimIds: Record<'traffic' | 'closure' | 'diversion' | 'caldera' | 'insurance' | 'uncited' | 'orphan', number>;
  inlineCitationId: number;
  /** No orphans (one fuzzy citation, one uncited claim): exports without confirmation. */
  cleanBriefId: number;
  /** The clean brief plus a claim whose only citation is orphaned. */
  orphanBriefId: number;
}

function listNode(listType: 'bullet' | 'number', items: Array<SerializedNode[]>): SerializedNode {
  return {
    type: 'list',
    version: 1,
    listType,
    start: 1,
    tag: listType === 'number' ? 'ol' : 'ul',
    direction: 'ltr',
    format: '',
    indent: 0,
    children: items.map((children, i) => ({
      type: 'listitem',
      version: 1,
      value: i + 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children,
    })),
  };
}

function linkNode(url: string, text: string): SerializedNode {
  return {
    type: 'link',
    version: 1,
    url,
    rel: 'noreferrer',
    target: null,
    title: null,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [textNode(text)],
  };
}

function citationNode(citationId: number): SerializedNode {
  return { type: CITATION_NODE_TYPE, version: 1, citationId };
}

function quoteNode(text: string): SerializedNode {
  return { type: 'quote', version: 1, direction: 'ltr', format: '', indent: 0, children: [textNode(text)] };
}

/** The body of a brief over the fixture's claims; `extra` cards are appended to Discussion. */
export function briefDocument(f: Omit<ExportFixture, 'cleanBriefId' | 'orphanBriefId'>, extraClaimIds: number[] = []) {
  const c = f.claimIds;
  return documentOf([
    headingNode('BLUF'),
    paragraphNode([
      textNode(
        'Container traffic through Velmora has collapsed since the northern channel closed. The closure will very likely last until at least late April, and shipping lines are already moving to Caldera.',
      ),
    ]),
    headingNode('Key judgments'),
    claimCardNode(c.closure),
    claimCardNode(c.diversion),
    claimCardNode(c.caldera),
    headingNode('Discussion'),
    paragraphNode([
      textNode('The grounding of a dredging vessel on 12 February closed the only deep-water approach to the port. '),
      textNode('Traffic figures', 1),
      textNode(' for February show the scale of the disruption:'),
    ]),
    claimCardNode(c.traffic),
    paragraphNode([
      textNode('Union leaders warn that '),
      textNode('up to 1,200 dock jobs', 2),
      textNode(' are at risk'),
      citationNode(f.inlineCitationId),
      textNode(' if the closure lasts beyond April. Contributing factors:'),
    ]),
    listNode('bullet', [
      [textNode('no second deep-water channel exists;')],
      [textNode('salvage work has no published end date;')],
      [textNode('insurers have repriced port calls.')],
    ]),
    quoteNode('Every week the channel stays shut moves another service to Caldera for good.'),
    paragraphNode([
      textNode('The port authority publishes weekly figures at '),
      linkNode('https://example.org/velmora/port-statistics', 'its statistics page'),
      textNode('; a pasted '),
      linkNode('javascript:alert(1)', 'script link'),
      textNode(` must print as plain text, as must ${HOSTILE_TEXT}.`),
    ]),
    claimCardNode(c.insurance),
    claimCardNode(c.uncited),
    ...extraClaimIds.map((id) => claimCardNode(id)),
    headingNode('Outlook'),
    paragraphNode([textNode('Indicators to watch over the next four weeks:')]),
    listNode('number', [
      [textNode('a published salvage timetable;')],
      [textNode('further service announcements by Meridian Freight and Oskar Lines;')],
      [textNode('emergency funding for dredging.')],
    ]),
  ]);
}

/** Builds the fixture in `library` (a fresh, empty one). */
export async function buildExportFixture(library: Library): Promise<ExportFixture> {
  const imp = async (text: string, metadata: Record<string, unknown>, sourceId?: number) =>
    (await library.invoke('sources.import', { content: { text, format: 'text' }, metadata, sourceId })).sourceId;

  const sourceIds = {
    gazette: await imp(TEXTS.gazette, {
      title: 'Velmora port traffic plunges after channel closure',
      publisher: 'Harbor Gazette',
      author: 'M. Ortega',
      url: 'https://example.org/harbor-gazette/velmora-traffic',
      publishedAt: '2026-03-04',
      language: 'en',
      reliability: 'B',
    }),
    ministry: await imp(TEXTS.ministryAr, {
      title: 'بيان وزارة النقل بشأن القناة الشمالية',
      publisher: 'وزارة النقل',
      publishedAt: '2026-03-06',
      language: 'ar',
      reliability: 'C',
    }),
    shipping: await imp(TEXTS.shippingHe, {
      title: 'דיווח רשות הספנות',
      publisher: 'רשות הספנות',
      publishedAt: '2026-03-08',
      language: 'he',
      reliability: 'B',
    }),
    outlook: await imp(TEXTS.outlookV1, {
      title: 'Regional Logistics Outlook, March 2026',
      publisher: 'Institute for Maritime Studies',
      publishedAt: '2026-03-10',
      language: 'en',
      reliability: 'A',
    }),
  };

  const cite = (sourceId: number, quote: string) => ({ target: { sourceId, quote } });
  const claim = async (fields: Record<string, unknown>, citations: Array<ReturnType<typeof cite>>) =>
    (await library.invoke('claims.create', { ...fields, citations } as never)).id;

  const claimIds = {
    closure: await claim(
      {
        statement: 'The northern channel will very likely remain closed until at least the end of April.',
        kind: 'judgment',
        likelihood: 'very likely',
        credibility: 3,
        status: 'verified',
        tags: ['velmora', 'shipping'],
      },
      [cite(sourceIds.ministry, QUOTES.arabic), cite(sourceIds.gazette, QUOTES.expects)],
    ),
    diversion: await claim(
      {
        statement:
          'Shipping lines have begun diverting weekly services to Caldera, and the diversion will probably last at least three months.',
        kind: 'assessment',
        likelihood: 'probable',
        credibility: 2,
        status: 'verified',
        tags: ['shipping'],
      },
      [cite(sourceIds.shipping, QUOTES.hebrew), cite(sourceIds.gazette, QUOTES.rerouted)],
    ),
    caldera: await claim(
      {
        statement: 'A prolonged closure would accelerate the expansion of the port of Caldera.',
        kind: 'assessment',
        confidence: 'moderate',
        credibility: 3,
        status: 'verified',
        tags: ['caldera'],
      },
      [cite(sourceIds.outlook, QUOTES.caldera)],
    ),
    traffic: await claim(
      {
        statement: 'Container traffic through the Port of Velmora fell by 38 percent in February, year on year.',
        kind: 'fact',
        confidence: 'high',
        credibility: 2,
        status: 'verified',
        tags: ['velmora'],
      },
      [cite(sourceIds.gazette, QUOTES.traffic)],
    ),
    insurance: await claim(
      {
        statement: 'Insurance premiums for port calls at Velmora have risen by about 15 percent since the grounding.',
        kind: 'fact',
        credibility: 3,
        status: 'draft',
        tags: ['insurance'],
      },
      [cite(sourceIds.outlook, QUOTES.insurance)],
    ),
    uncited: await claim(
      {
        statement: 'Dock employment in Velmora is unlikely to recover before the autumn.',
        kind: 'judgment',
        likelihood: 'unlikely',
        confidence: 'low',
        status: 'draft',
      },
      [],
    ),
    orphan: await claim(
      {
        statement: 'Officials have not disclosed the cost of the salvage operation.',
        kind: 'fact',
        credibility: 2,
        status: 'disputed',
      },
      [cite(sourceIds.outlook, QUOTES.orphan)],
    ),
  };
  // An edited claim: the export must record revision 2.
  // All fields are given: the update must not depend on how missing fields are defaulted.
  await library.invoke('claims.update', {
    claimId: claimIds.traffic,
    fields: {
      statement:
        'Container traffic through the Port of Velmora fell by 38 percent in February, compared with February last year.',
      kind: 'fact',
      likelihood: null,
      confidence: 'high',
      credibility: 2,
      status: 'verified',
      tags: ['velmora'],
    },
  });

  // The report is re-imported with edits: the insurance passage becomes fuzzy, the cost passage disappears.
  await imp(TEXTS.outlookV2, {}, sourceIds.outlook);

  const clean = await library.invoke('briefs.create', {
    title: 'Velmora port closure: outlook to April',
    marking: 'TLP:AMBER',
    author: 'J. Analyst',
    template: 'empty',
  });
  const inline = await library.invoke('citations.attach', {
    briefId: clean.id,
    target: { sourceId: sourceIds.gazette, quote: QUOTES.jobs },
  });
  const partial = { sourceIds, claimIds, inlineCitationId: inline.id };
  await library.invoke('briefs.save', { briefId: clean.id, document: briefDocument(partial) });

  const orphan = await library.invoke('briefs.create', {
    title: 'Velmora salvage costs (draft)',
    marking: 'SECRET//NOFORN',
    author: 'J. Analyst',
    template: 'empty',
  });
  await library.invoke('briefs.save', { briefId: orphan.id, document: briefDocument(partial, [claimIds.orphan]) });

  return { ...partial, cleanBriefId: clean.id, orphanBriefId: orphan.id };
}
