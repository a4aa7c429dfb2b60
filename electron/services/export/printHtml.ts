// The one print renderer: a brief (document JSON + claims + citations + sources and the
// versions cited) becomes a self-contained print HTML document styled by resources/print.css,
// plus the header/footer templates and PDF options every Printer uses. Pure apart from
// reading the stylesheet and fonts once. Every piece of brief or library text is escaped;
// links survive only as http, https or mailto.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CITATION_NODE_TYPE,
  CLAIM_CARD_NODE_TYPE,
  STANDARD_SECTIONS,
  walkNodes,
  type SerializedNode,
} from '../../../shared/briefs/document';
import {
  describeLikelihood,
  INFORMATION_CREDIBILITY,
  SOURCE_RELIABILITY,
} from '../../../shared/tradecraft/vocabularies';
import { AUDIT_FILE_NAME, buildAuditRecord, serializeAuditRecord, sha256Hex, type AuditRecord } from './audit';
import { bodyFontFaceCss, FONT_FAMILIES } from './fonts';
import { dirOf, escapeHtml as esc, isolated, longDate, safeHref, safeLang, stampUtc } from './html';
import { markingStyle, type MarkingStyle } from './marking';
import { numberNotes, type Note, type NoteIndex } from './notes';
import type { PdfOptions } from './printer';
import type { PrintClaim, PrintModel } from './printModel';

export interface PrintAssets {
  printCss: string;
}

export interface PrintDocument {
  html: string;
  pdfOptions: PdfOptions;
  notes: NoteIndex;
  audit: AuditRecord;
  auditJson: Uint8Array;
  auditSha256: string;
  metadata: { title: string; author: string; subject: string; keywords: string[]; language: string };
}

/** Page margins (mm): the running header and the marking banners live inside them. */
export const PAGE_MARGINS = { top: 24, right: 20, bottom: 22, left: 20 } as const;

/** The folder holding print.css: `resourcesDir` if given, else the nearest `resources/` above this file (source tree or app bundle). */
export function findResourcesDir(start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', 'print.css'))) return join(dir, 'resources');
    if (dirname(dir) === dir) throw new Error(`resources/print.css not found above ${start}`);
  }
}

let cachedAssets: { dir: string; assets: PrintAssets } | undefined;

/** The stylesheet, read once per resources folder (fonts come from ./fonts.ts). */
export function loadPrintAssets(resourcesDir?: string): PrintAssets {
  const dir = resourcesDir ?? findResourcesDir();
  if (cachedAssets?.dir !== dir) {
    cachedAssets = {
      dir,
      assets: { printCss: readFileSync(join(dir, 'print.css'), 'utf8') },
    };
  }
  return cachedAssets.assets;
}

// ── Lexical text format bits (lexical's TextFormatType flags) ──────────────────────────
const FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
  highlight: 128,
} as const;
const ALIGNMENTS = new Set(['left', 'center', 'right', 'justify', 'start', 'end']);
const KIND_LABEL: Record<string, string> = { fact: 'Fact', assessment: 'Assessment', judgment: 'Judgment' };

/** The plain text of a node and its descendants (headings, the subject line). */
function plainText(node: SerializedNode): string {
  if (typeof node.text === 'string') return node.text;
  if (node.type === 'linebreak') return ' ';
  return (node.children ?? []).map(plainText).join('');
}

/** Turns the brief into HTML, numbering citation markers as it goes. */
class BodyRenderer {
  /** Note numbers already given an anchor id (the first marker links back from its note). */
  private readonly anchored = new Set<number>();
  constructor(
    private readonly model: PrintModel,
    private readonly index: NoteIndex,
  ) {}

  blocks(nodes: SerializedNode[] | undefined): string {
    return (nodes ?? []).map((node) => this.block(node)).join('\n');
  }

  private inlines(nodes: SerializedNode[] | undefined): string {
    return (nodes ?? []).map((node) => this.inline(node)).join('');
  }

  private blockAttrs(node: SerializedNode, extraClass = ''): string {
    const classes = [extraClass];
    if (typeof node.format === 'string' && ALIGNMENTS.has(node.format)) classes.push(`align-${node.format}`);
    const indent = typeof node.indent === 'number' ? Math.max(0, Math.min(6, Math.floor(node.indent))) : 0;
    if (indent > 0) classes.push(`indent-${indent}`);
    const cls = classes.filter(Boolean).join(' ');
    return `${cls ? ` class="${cls}"` : ''} dir="${dirOf(node.direction)}"`;
  }

  block(node: SerializedNode): string {
    switch (node.type) {
      case 'paragraph': {
        const inner = this.inlines(node.children);
        return inner.trim() === '' ? '' : `<p${this.blockAttrs(node)}>${inner}</p>`;
      }
      case 'heading': {
        const tag = typeof node.tag === 'string' && /^h[1-6]$/.test(node.tag) ? node.tag : 'h2';
        const inner = this.inlines(node.children);
        return inner.trim() === '' ? '' : `<${tag}${this.blockAttrs(node)}>${inner}</${tag}>`;
      }
      case 'quote':
        return `<blockquote${this.blockAttrs(node, 'body-quote')}>${this.inlines(node.children)}</blockquote>`;
      case 'list':
        return this.list(node);
      case 'code':
        return `<pre class="code" dir="ltr"><code>${this.inlines(node.children)}</code></pre>`;
      case 'horizontalrule':
        return '<hr>';
      case CLAIM_CARD_NODE_TYPE:
        return this.claimCard(node.claimId as number);
      default:
        // An element this renderer does not know: keep its content, never its markup.
        if (node.children)
          return `<div${this.blockAttrs(node)}>${node.children.some(isBlockish) ? this.blocks(node.children) : this.inlines(node.children)}</div>`;
        return typeof node.text === 'string' ? `<p dir="auto">${esc(node.text)}</p>` : '';
    }
  }

  private list(node: SerializedNode): string {
    const listType = node.listType === 'number' ? 'number' : node.listType === 'check' ? 'check' : 'bullet';
    const tag = listType === 'number' ? 'ol' : 'ul';
    const start =
      listType === 'number' && typeof node.start === 'number' && node.start !== 1
        ? ` start="${Math.floor(node.start)}"`
        : '';
    const items = (node.children ?? [])
      .map((item) => {
        const children = item.children ?? [];
        const nested = children.filter((c) => c.type === 'list');
        const content = this.inlines(children.filter((c) => c.type !== 'list'));
        const checked = listType === 'check' ? ` class="${item.checked === true ? 'checked' : 'unchecked'}"` : '';
        return `<li${checked} dir="${dirOf(item.direction)}">${content}${nested.map((n) => this.list(n)).join('')}</li>`;
      })
      .join('');
    return `<${tag} class="list-${listType}"${start}>${items}</${tag}>`;
  }

  inline(node: SerializedNode): string {
    switch (node.type) {
      case 'text':
      case 'code-highlight':
        return formatText(
          typeof node.text === 'string' ? node.text : '',
          typeof node.format === 'number' ? node.format : 0,
        );
      case 'linebreak':
        return '<br>';
      case 'tab':
        return '<span class="tab">\t</span>';
      case 'link':
      case 'autolink': {
        const href = safeHref(node.url);
        const inner = this.inlines(node.children);
        return href ? `<a class="ext" href="${esc(href)}">${inner}</a>` : `<span class="unsafe-link">${inner}</span>`;
      }
      case CITATION_NODE_TYPE: {
        const note = this.index.byCitationId.get(node.citationId as number);
        return note
          ? `<sup class="cite">${this.marker(note)}</sup>`
          : '<sup class="cite missing" title="citation no longer in the library">?</sup>';
      }
      case CLAIM_CARD_NODE_TYPE:
        return ''; // a card is a block; Lexical never nests one in text
      default:
        if (node.children) return this.inlines(node.children);
        return typeof node.text === 'string' ? esc(node.text) : '';
    }
  }

  private marker(note: Note): string {
    const first = !this.anchored.has(note.number);
    this.anchored.add(note.number);
    const status = note.citation.anchorStatus === 'exact' ? '' : ` ${note.citation.anchorStatus}`;
    return `<a class="marker${status}" href="#note-${note.number}"${first ? ` id="ref-${note.number}"` : ''}>${note.number}</a>`;
  }

  private claimCard(claimId: number): string {
    const claim = this.model.claims.get(claimId);
    if (!claim) {
      return `<div class="claim-card missing"><p class="cc-statement">Claim ${claimId} is no longer in the library.</p></div>`;
    }
    const notes = claim.citations
      .map((c) => this.index.byCitationId.get(c.id))
      .filter((n): n is Note => n !== undefined);
    const markers = notes.length ? `<sup class="cite">${notes.map((n) => this.marker(n)).join(',')}</sup>` : '';
    const badges = claimBadges(claim, notes);
    const status =
      claim.status === 'verified'
        ? ''
        : `<span class="badge b-status status-${claim.status}">${esc(claim.status)}</span>`;
    const tags = claim.tags.length ? ` · ${claim.tags.map(esc).join(', ')}` : '';
    return [
      `<div class="claim-card kind-${claim.kind} status-${claim.status}" id="claim-${claim.id}">`,
      `<div class="cc-head"><span class="cc-kind">${esc(KIND_LABEL[claim.kind] ?? claim.kind)}</span><span class="cc-badges">${badges}${status}</span></div>`,
      `<p class="cc-statement" dir="auto">${esc(claim.statement)}${markers}</p>`,
      `<div class="cc-foot">Claim ${claim.id} · revision ${claim.revision} · ${esc(claim.status)}${notes.length ? '' : ' · <span class="uncited">no citation</span>'}${tags}</div>`,
      '</div>',
    ].join('');
  }
}

function isBlockish(node: SerializedNode): boolean {
  return ['paragraph', 'heading', 'quote', 'list', 'code', 'horizontalrule', CLAIM_CARD_NODE_TYPE].includes(node.type);
}

function formatText(text: string, format: number): string {
  let html = esc(text);
  if (format & FORMAT.code) html = `<code>${html}</code>`;
  if (format & FORMAT.bold) html = `<strong>${html}</strong>`;
  if (format & FORMAT.italic) html = `<em>${html}</em>`;
  if (format & FORMAT.underline) html = `<u>${html}</u>`;
  if (format & FORMAT.strikethrough) html = `<s>${html}</s>`;
  if (format & FORMAT.subscript) html = `<sub>${html}</sub>`;
  if (format & FORMAT.superscript) html = `<sup>${html}</sup>`;
  if (format & FORMAT.highlight) html = `<mark>${html}</mark>`;
  return html;
}

function badge(kind: string, key: string, value: string): string {
  return `<span class="badge b-${kind}"><span class="bk">${esc(key)}</span> ${value}</span>`;
}

function claimBadges(claim: PrintClaim, notes: Note[]): string {
  const parts: string[] = [];
  if (claim.likelihood) {
    const { band } = describeLikelihood(claim.likelihood);
    parts.push(badge('likelihood', 'Likelihood', `${esc(claim.likelihood)} <span class="band">(${esc(band)})</span>`));
  }
  if (claim.confidence) parts.push(badge('confidence', 'Confidence', esc(claim.confidence)));
  const gradings = [...new Set(notes.map((n) => n.grading))];
  parts.push(
    gradings.length ? badge('grading', 'Grading', gradings.map(esc).join(' · ')) : badge('ungraded', 'Grading', 'none'),
  );
  return parts.join('');
}

// ── Title block, notes, appendices ─────────────────────────────────────────────────────

function titleBlock(model: PrintModel, marking: MarkingStyle | null): string {
  const { brief } = model;
  const meta = [
    ['Date', esc(longDate(model.exportedAt))],
    ['Author', esc(brief.author ?? '—')],
    ['Marking', marking ? esc(marking.label) : 'none'],
    ['Reference', `Brief ${brief.id} · revision ${brief.revision}`],
  ];
  return [
    '<header class="title-block">',
    marking
      ? `<div class="tb-marking"><span class="marking-label" style="background:${marking.background};color:${marking.text}">${esc(marking.label)}</span>${marking.definition ? `<span class="marking-definition">${esc(marking.definition)}</span>` : ''}</div>`
      : '',
    '<p class="tb-kicker">Briefing</p>',
    `<h1 class="tb-title" dir="auto">${esc(brief.title)}</h1>`,
    `<dl class="tb-meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`,
    '</header>',
  ].join('\n');
}

function statusLabel(note: Note): string {
  const c = note.citation;
  if (c.anchorStatus === 'exact') return 'exact match';
  if (c.anchorStatus === 'fuzzy')
    return `fuzzy match${c.score !== null ? ` (${c.score.toFixed(2)})` : ''}: the source was edited since citing`;
  return 'ORPHANED: passage not found in the current version; stored quote shown';
}

function notesSection(index: NoteIndex): string {
  if (index.notes.length === 0) return '';
  const items = index.notes.map((note) => {
    const { source, citation, version } = note;
    const lang = safeLang(source?.language);
    const parts = [
      source ? `<cite>${isolated(source.title)}</cite>` : `<cite>Source ${citation.sourceId}</cite>`,
      source?.publisher ? isolated(source.publisher) : null,
      source?.publishedAt ? esc(source.publishedAt) : null,
    ].filter(Boolean);
    const meta = [
      `<span class="grade">${esc(note.grading)}</span>`,
      esc(citation.stance),
      note.claim ? `claim ${note.claim.id} r${note.claim.revision}` : 'in text',
      version ? `source ${citation.sourceId} v${version.versionNo}` : `source ${citation.sourceId}`,
      citation.anchorStatus === 'exact'
        ? statusLabel(note)
        : `<span class="anchor-${citation.anchorStatus}">${esc(statusLabel(note))}</span>`,
    ];
    return [
      `<li class="note status-${citation.anchorStatus}" id="note-${note.number}">`,
      `<a class="note-no" href="#ref-${note.number}">${note.number}.</a>`,
      '<div class="note-body">',
      `<blockquote class="passage" dir="auto"${lang ? ` lang="${esc(lang)}"` : ''}>${esc(note.passage)}</blockquote>`,
      `<p class="note-source">${parts.join(', ')}.</p>`,
      `<p class="note-meta">${meta.join(' · ')}</p>`,
      '</div></li>',
    ].join('');
  });
  const orphans = index.notes.filter((n) => n.citation.anchorStatus === 'orphaned').length;
  const warning = orphans
    ? `<p class="orphan-warning">${orphans} citation${orphans > 1 ? 's are' : ' is'} orphaned: the quoted passage could not be found in the current version of its source. The stored quote is shown; check it before relying on the claim.</p>`
    : '';
  return `<section class="notes"><h2 id="notes">Notes</h2>${warning}<ol class="note-list">${items.join('\n')}</ol></section>`;
}

function evidenceAppendix(index: NoteIndex): string {
  // One entry per source, listing each version the citations used (an orphan may still point at an older one).
  const bySource = new Map<number, Note[]>();
  for (const note of index.notes)
    bySource.set(note.citation.sourceId, [...(bySource.get(note.citation.sourceId) ?? []), note]);
  if (bySource.size === 0) return '';
  const entries = [...bySource.entries()].map(([sourceId, notes], i) => {
    const source = notes[0]!.source;
    const title = source ? source.title : `Source ${sourceId}`;
    const versions = [...new Map(notes.filter((n) => n.version).map((n) => [n.version!.id, n.version!])).values()];
    const url = safeHref(source?.url);
    const rows: Array<[string, string]> = [];
    if (source?.publisher) rows.push(['Publisher', isolated(source.publisher)]);
    if (source?.author) rows.push(['Author', isolated(source.author)]);
    if (source?.publishedAt) rows.push(['Published', esc(source.publishedAt)]);
    if (source?.language) rows.push(['Language', esc(source.language)]);
    if (url) rows.push(['URL', `<a class="ext url" href="${esc(url)}">${esc(url)}</a>`]);
    if (source)
      rows.push(['Reliability', `${esc(source.reliability)}: ${esc(SOURCE_RELIABILITY[source.reliability])}`]);
    for (const v of versions) {
      rows.push([
        `Version used`,
        `v${v.versionNo} (id ${v.id}), imported ${esc(stampUtc(v.importedAt))}, SHA-256 <code class="sha">${esc(v.sha256.slice(0, 16))}</code>…, ${v.length.toLocaleString('en')} characters${v.fileName ? `, file ${esc(v.fileName)}` : ''}`,
      ]);
    }
    rows.push(['Cited in notes', notes.map((n) => `<a href="#note-${n.number}">${n.number}</a>`).join(', ')]);
    return [
      `<div class="source-entry" id="source-${sourceId}">`,
      // Not a heading: the outline stays at section level, and Chromium would write RTL titles into it in visual order.
      `<p class="src-title"><span class="src-no">S${i + 1}</span> ${isolated(title)}</p>`,
      `<dl class="source-meta">${rows.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`,
      '</div>',
    ].join('');
  });
  const key = `Gradings read source reliability (A–F) then information credibility (1–6): ${Object.entries(
    SOURCE_RELIABILITY,
  )
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}; ${Object.entries(INFORMATION_CREDIBILITY)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}.`;
  return `<section class="appendix evidence"><h2 id="evidence">Evidence appendix</h2><p class="grading-key">${esc(key)}</p>${entries.join('\n')}</section>`;
}

/**
 * The audit record itself is the attached JSON (one entry per citation: claim revision, source
 * version and digest, offsets, anchor status), written for checking the export against the
 * library. On paper each note already names its claim revision, source version and anchor
 * status, and the evidence appendix each version's digest; a typeset copy of the record would
 * add pages of identifiers and about a fifth of the print time of a long brief, so only its
 * digest is printed, to tie the paper to the attachment.
 */
function auditAppendix(audit: AuditRecord, auditSha256: string): string {
  return [
    '<section class="appendix audit">',
    '<h2 id="audit">Audit record</h2>',
    `<p>Brief ${audit.brief.id}, revision ${audit.brief.revision}, exported ${esc(stampUtc(audit.exportedAt))}. Document SHA-256 <code class="sha">${esc(audit.brief.documentSha256.slice(0, 16))}</code>…. `,
    `The full record is attached to this PDF as <code>${AUDIT_FILE_NAME}</code> (SHA-256 <code class="sha">${esc(auditSha256.slice(0, 16))}</code>…): for each of the ${audit.citations.length} note${audit.citations.length === 1 ? '' : 's'} it names the citation, the claim revision, the source version and its digest, and the passage's offsets, so the export can be checked against the library.</p>`,
    '</section>',
  ].join('\n');
}

// ── Page furniture ─────────────────────────────────────────────────────────────────────
// The marking banner at the top and bottom of every page, the running title and date, and
// "Page X of Y" are CSS @page margin boxes of the document itself, not Chromium's header and
// footer templates: those are separate documents (with their own copy of the fonts) parsed and
// rendered again for every page. Margin boxes take only generated text, so everything that
// varies is written into `content` strings here.

/** The right-hand column of the header and footer (date; page number). */
const FURNITURE_RIGHT_MM = 40;
/** Margin boxes cannot ellipsize; a longer title is cut here and may wrap to a second line. */
const RUNNING_TITLE_MAX = 110;

/** A CSS string literal. Quotes, backslashes, line breaks and `<` (which could close the style element) are escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"'<>&\p{Cc}\u2028\u2029]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}

function runningTitle(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  return flat.length > RUNNING_TITLE_MAX ? `${flat.slice(0, RUNNING_TITLE_MAX - 1).trimEnd()}…` : flat;
}

/** The @page rules that draw the furniture inside the page margins (the printer's `margins`, i.e. `PAGE_MARGINS`). */
function pageFurnitureCss(model: PrintModel, marking: MarkingStyle | null): string {
  const text = `font-family:'${FONT_FAMILIES.sans}','${FONT_FAMILIES.arabic}','${FONT_FAMILIES.hebrew}',sans-serif;font-size:7pt;color:#4a5568`;
  const left = `width:calc(100% - ${FURNITURE_RIGHT_MM}mm);text-align:left`;
  const right = `width:${FURNITURE_RIGHT_MM}mm;text-align:right;white-space:nowrap`;
  const rule = '0.5pt solid #b8c0cc';
  const header = `vertical-align:bottom;margin-bottom:5mm;padding-bottom:2pt;border-bottom:${rule}`;
  const footer = `vertical-align:top;margin-top:3mm;padding-top:2pt;border-top:${rule}`;
  const banner = marking
    ? `content:${cssString(marking.label)};width:max-content;height:9pt;line-height:9pt;padding:0.8pt 9pt;vertical-align:middle;` +
      `font-family:'${FONT_FAMILIES.sans}',sans-serif;font-weight:700;font-size:7.5pt;letter-spacing:0.08em;white-space:nowrap;` +
      `background:${marking.background};color:${marking.text};-webkit-print-color-adjust:exact;print-color-adjust:exact`
    : null;
  return [
    '@page{',
    `@top-left{content:${cssString(runningTitle(model.brief.title))};${text};${left};${header};font-weight:700;color:#1f2a44;unicode-bidi:plaintext}`,
    `@top-right{content:${cssString(longDate(model.exportedAt))};${text};${right};${header}}`,
    `@bottom-left{content:${cssString(`Brief ${model.brief.id} · revision ${model.brief.revision}`)};${text};${left};${footer}}`,
    `@bottom-right{content:"Page " counter(page) " of " counter(pages);${text};${right};${footer}}`,
    banner ? `@top-center{${banner};margin-top:5mm;margin-bottom:auto}` : '',
    banner ? `@bottom-center{${banner};margin-top:auto;margin-bottom:5mm}` : '',
    '}',
  ].join('\n');
}

/**
 * The document is made to be printed, never looked at: on screen it lays out nothing. Chromium
 * would otherwise lay the whole brief out at the window's width while loading, again when the
 * fonts arrive, and again after printing, none of which reaches the PDF. The printers load the
 * fonts explicitly instead (LOAD_FONTS_SCRIPT in printer.ts).
 */
const PRINT_ONLY_CSS = '@media screen{body{display:none}}';

// ── The document ───────────────────────────────────────────────────────────────────────

/** The subject line: the BLUF paragraph when the brief has one, else a description. */
function subjectOf(model: PrintModel): string {
  const children = model.document.root.children;
  const bluf = children.findIndex(
    (n) => n.type === 'heading' && plainText(n).trim().toLowerCase() === STANDARD_SECTIONS[0].toLowerCase(),
  );
  if (bluf >= 0) {
    const text = children.slice(bluf + 1).find((n) => n.type === 'heading' || plainText(n).trim() !== '');
    if (text && text.type !== 'heading') {
      const t = plainText(text).replace(/\s+/g, ' ').trim();
      if (t) return t.length > 300 ? `${t.slice(0, 299)}…` : t;
    }
  }
  return `Briefing: ${model.brief.title}`;
}

/** Renders the whole print document and the options to print it with. */
export function renderPrintDocument(model: PrintModel, assets: PrintAssets = loadPrintAssets()): PrintDocument {
  const index = numberNotes(model);
  const audit = buildAuditRecord(model, index);
  const auditJson = serializeAuditRecord(audit);
  const auditSha256 = sha256Hex(auditJson);
  const marking = markingStyle(model.brief.marking);

  const tags = new Set<string>();
  for (const node of walkNodes(model.document.root)) {
    if (node.type === CLAIM_CARD_NODE_TYPE)
      for (const tag of model.claims.get(node.claimId as number)?.tags ?? []) tags.add(tag);
  }
  const metadata = {
    title: model.brief.title,
    author: model.brief.author ?? '',
    subject: subjectOf(model),
    keywords: [
      ...(model.brief.marking ? [model.brief.marking] : []),
      ...tags,
      `brief ${model.brief.id}`,
      `revision ${model.brief.revision}`,
    ],
    language: 'en',
  };

  const content = [
    titleBlock(model, marking),
    `<main class="brief-body">${new BodyRenderer(model, index).blocks(model.document.root.children)}</main>`,
    notesSection(index),
    evidenceAppendix(index),
    auditAppendix(audit, auditSha256),
  ].join('\n');
  const html = [
    '<!doctype html>',
    `<html lang="${metadata.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    // No script, no network: the document may only use its own inline styles and data: fonts.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:">`,
    `<title>${esc(metadata.title)}</title>`,
    `<meta name="author" content="${esc(metadata.author)}">`,
    `<meta name="description" content="${esc(metadata.subject)}">`,
    `<meta name="keywords" content="${esc(metadata.keywords.join(', '))}">`,
    `<style>${bodyFontFaceCss(content)}</style>`,
    `<style>${assets.printCss}</style>`,
    `<style>${pageFurnitureCss(model, marking)}\n${PRINT_ONLY_CSS}</style>`,
    '</head>',
    '<body>',
    content,
    '</body>',
    '</html>',
  ].join('\n');

  return {
    html,
    pdfOptions: { pageSize: 'A4', margins: { ...PAGE_MARGINS }, printBackground: true, tagged: true, outline: true },
    notes: index,
    audit,
    auditJson,
    auditSha256,
    metadata,
  };
}
