// @vitest-environment jsdom
// A long brief keeps only the cards near the viewport in full: until the browser first shows a
// card's host (content-visibility: auto, reported by `contentvisibilityautostatechange`) the card
// renders its statement alone; once shown it renders in full and stays so. jsdom has neither the
// CSS nor the event, so this file gives jsdom the event's handler property — which is how the
// editor tells that the browser reports it — before the editor is loaded, and plays the browser.
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  claimCardNode,
  documentOf,
  paragraphNode,
  textNode,
  type SerializedNode,
} from '../../../shared/briefs/document';
import { installLibrary, mountBriefEditor, seedClaims, settle, type MountedEditor, type TestLibrary } from './harness';

vi.hoisted(() => {
  Object.defineProperty(HTMLElement.prototype, 'oncontentvisibilityautostatechange', {
    value: null,
    writable: true,
    configurable: true,
  });
});

let library: TestLibrary;
let mounted: MountedEditor | null = null;
let briefId: number;

beforeEach(async () => {
  library = installLibrary();
  const claimIds = await seedClaims(library, 3);
  const children: SerializedNode[] = [];
  for (const [i, claimId] of claimIds.entries())
    children.push(paragraphNode([textNode(`Paragraph ${i + 1}.`)]), claimCardNode(claimId));
  briefId = (await library.invoke('briefs.create', { title: 'Long brief', template: 'empty' })).id;
  await library.invoke('briefs.save', { briefId, document: documentOf(children) });
});

afterEach(async () => {
  await mounted?.unmount();
  mounted = null;
  library.close();
});

function cards(): HTMLElement[] {
  return [...mounted!.container.querySelectorAll<HTMLElement>('.be-card')];
}

/** What the browser does when it starts or stops skipping a card's host. */
async function browserReports(card: HTMLElement, skipped: boolean): Promise<void> {
  await act(async () => {
    card
      .closest('.be-claim-card-host')!
      .dispatchEvent(Object.assign(new Event('contentvisibilityautostatechange'), { skipped }));
  });
  await settle();
}

describe('claim cards far from the viewport', () => {
  it('render their statement only until the browser shows them, then the whole card, which stays', async () => {
    mounted = await mountBriefEditor({ briefId, onCitationClick: () => {} }, { strict: true });
    for (let i = 0; i < 50 && mounted.container.querySelectorAll('.be-card__statement').length < 3; i++)
      await settle(10);

    expect(cards()).toHaveLength(3);
    for (const [i, card] of cards().entries()) {
      expect(card.classList.contains('be-card--deferred')).toBe(true);
      expect(card.querySelector('.be-card__statement')!.textContent).toBe(`Crossing ${i + 1} was closed.`);
      expect(card.getAttribute('aria-label')).toBe(`Claim card: Crossing ${i + 1} was closed.`);
      expect(card.querySelector('.be-cite')).toBeNull();
    }

    await browserReports(cards()[1]!, false);
    const [first, second, third] = cards();
    expect(second!.classList.contains('be-card--deferred')).toBe(false);
    expect(second!.querySelector('.be-card__grading')!.textContent).toBe('B2');
    expect(second!.querySelector('.be-cite')!.textContent).toBe('2');
    expect(first!.classList.contains('be-card--deferred')).toBe(true);
    expect(third!.classList.contains('be-card--deferred')).toBe(true);

    // Scrolled away again: the card keeps its body (no re-render churn while scrolling back and forth).
    await browserReports(second!, true);
    expect(cards()[1]!.querySelector('.be-cite')!.textContent).toBe('2');
  });
});
