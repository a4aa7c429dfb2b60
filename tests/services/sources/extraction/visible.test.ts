// What a reader could see (extraction/visible.ts): the one policy for HTML from outside, by
// whichever path it comes in — an .html file, pasted HTML, raw HTML inside Markdown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../../../electron/services/sources/extraction';
import { parseHtml } from '../../../../electron/services/sources/extraction/parseHtml';
import { serializeVisibleBody } from '../../../../electron/services/sources/extraction/visible';
import { FORBIDDEN_IN_TEXT, HOSTILE_PAYLOADS } from '../../../fixtures/hostile/payloads';
import { startTrapServer, type TrapServer } from '../../../helpers/trapServer';
import { utf8 } from './support';

describe('hostile HTML', () => {
  it('has a corpus of at least 30 payloads, each with visible text', () => {
    expect(HOSTILE_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    expect(new Set(HOSTILE_PAYLOADS.map((p) => p.name)).size).toBe(HOSTILE_PAYLOADS.length);
    for (const payload of HOSTILE_PAYLOADS) expect(payload.visible.length, payload.name).toBeGreaterThan(0);
  });

  describe.each(HOSTILE_PAYLOADS.map((payload) => [payload.name, payload] as const))('%s', (_name, payload) => {
    for (const [label, input] of [
      ['as an .html file', { bytes: utf8(payload.html), fileName: 'payload.html' }],
      ['as pasted HTML', { text: payload.html, format: 'html' }],
      ['inside Markdown', { text: `Markdown wrapper.\n\n${payload.html}\n`, format: 'markdown' }],
    ] as const) {
      it(`yields only its visible text ${label}`, () => {
        const result = extractText(input);
        for (const forbidden of FORBIDDEN_IN_TEXT)
          expect(result.text.toLowerCase()).not.toContain(forbidden.toLowerCase());
        for (const title of [result.title, result.author, result.publisher]) expect(title ?? '').not.toContain('PWNED');
        for (const visible of payload.visible) expect(result.text).toContain(visible);
      });
    }
  });

  describe('never touches the network', () => {
    let trap: TrapServer;

    beforeAll(async () => {
      trap = await startTrapServer('<p>PWNED fetched</p>');
    });
    afterAll(() => trap.close());

    it('loads no script, stylesheet, image, frame, object or refresh target', async () => {
      const page = `<!doctype html><html><head>
        <base href="${trap.origin}/base/">
        <meta http-equiv="refresh" content="0;url=${trap.origin}/refresh">
        <link rel="stylesheet" href="${trap.origin}/style.css"><link rel="preload" href="${trap.origin}/preload" as="fetch">
        <script src="${trap.origin}/script.js"></script>
        <style>@import url("${trap.origin}/import.css"); body { background: url("${trap.origin}/bg.png") }</style>
        </head><body background="${trap.origin}/body-bg.png">
        <p>Visible networked page.</p>
        <img src="${trap.origin}/img.png" srcset="${trap.origin}/img2.png 2x"><picture><source srcset="${trap.origin}/source.png"></picture>
        <iframe src="${trap.origin}/frame.html"></iframe><frameset><frame src="${trap.origin}/frame2.html"></frameset>
        <object data="${trap.origin}/object"></object><embed src="${trap.origin}/embed">
        <video poster="${trap.origin}/poster.png" src="${trap.origin}/video.mp4"></video><audio src="${trap.origin}/audio.mp3"></audio>
        <svg><image href="${trap.origin}/svg-image.png"/><use href="${trap.origin}/sprite.svg#x"/></svg>
        <input type="image" src="${trap.origin}/input.png"><link rel="import" href="${trap.origin}/import.html">
        <div style="background-image: url('${trap.origin}/inline-bg.png')">Visible styled block.</div>
        </body></html>`;
      const result = extractText({ bytes: utf8(page), fileName: 'networked.html' });
      expect(result.text).toContain('Visible networked page.');
      expect(result.text).toContain('Visible styled block.');
      // Anything jsdom would fetch is started asynchronously: give it time to show up.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(trap.requests).toEqual([]);
    });
  });
});

describe('serializeVisibleBody', () => {
  it('writes only what a reader could see, without styles or event handlers', () => {
    const page = parseHtml(
      '<body><p>Shown</p><p hidden>H1</p><p aria-hidden=" TRUE ">H2</p><dialog>H3</dialog>' +
        '<dialog open>Open dialog</dialog><p style="DISPLAY : none /* x */">H4</p><p style="opacity:0">H5</p>' +
        '<p style="opacity:0.5">Half</p><p style="font-size:0px">H6</p><script>H7</script><!-- H8 -->' +
        '<p onclick="x()" style="color:red" class="k">Kept</p><svg><text>H9</text></svg></body>',
    );
    expect(serializeVisibleBody(page)).toEqual({
      html: '<p>Shown</p><dialog open="">Open dialog</dialog><p>Half</p><p class="k">Kept</p>',
      elements: 4,
      depth: 1,
    });
  });
});
