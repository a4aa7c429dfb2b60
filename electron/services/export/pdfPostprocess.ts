// What Chromium's printToPDF cannot write: the document information (Author, Subject,
// Keywords, Creator), the audit record as an embedded file, and viewer hints (show the
// title and the bookmarks). Chromium's tagged structure and outline are kept untouched.
//
// They are appended to Chromium's file as an incremental update (ISO 32000-1 §7.5.6): the
// printed bytes stay as they are, followed by the few new or changed objects (information
// dictionary, catalog, the attachment) and a cross-reference section for them. Loading and
// rewriting the whole file with pdf-lib instead costs time in proportion to its objects — a
// tagged 100-page brief has 17,000 of them, mostly structure elements — about 0.4 s per 100
// pages; the update costs the same few milliseconds at any length. A file whose layout this
// code does not expect (a cross-reference stream, an earlier attachment, encryption) is
// finished the old way, by pdf-lib rewriting it; Chromium's files never are.
import {
  AFRelationship,
  ParseSpeeds,
  PDFArray,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectParser,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { AUDIT_FILE_NAME } from './audit';

export interface PdfFinishing {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  createdAt: string;
  creator: string;
  producer: string;
  auditJson: Uint8Array;
  auditDescription: string;
}

/** Returns the finished PDF and its page count. */
export async function finishPdf(
  printed: Uint8Array,
  finishing: PdfFinishing,
): Promise<{ bytes: Uint8Array; pages: number }> {
  return appendFinishing(printed, finishing) ?? rewriteFinishing(printed, finishing);
}

// ── Incremental update ─────────────────────────────────────────────────────────────────

const name = (key: string) => PDFName.of(key);

function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString(
    'latin1',
  );
}

interface XrefSection {
  /** Runs of consecutive object numbers and where their 20-byte entries start. */
  subsections: Array<{ first: number; count: number; at: number }>;
  trailer: PDFDict;
}

interface Xref {
  /** Newest first, following /Prev. */
  sections: XrefSection[];
  /** Where the newest cross-reference section starts (the update's /Prev). */
  start: number;
}

/** The classic cross-reference tables, from the newest back through /Prev; null for anything else. */
function readXref(bytes: Uint8Array, context: PDFContext): Xref | null {
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length));
  if (!match) return null;
  const start = Number(match[1]);
  const sections: XrefSection[] = [];
  for (let at: number | null = start; at !== null;) {
    if (sections.length > 64 || at >= bytes.length) return null;
    const section = readXrefSection(bytes, at, context);
    if (!section) return null;
    sections.push(section);
    const prev = section.trailer.get(name('Prev'));
    at = prev instanceof PDFNumber ? prev.asNumber() : null;
  }
  return { sections, start };
}

/** One `xref … trailer <<…>>` section. Entries are only located here (17,000 of them in a long brief), not read. */
function readXrefSection(bytes: Uint8Array, at: number, context: PDFContext): XrefSection | null {
  let pos = at;
  const line = (): string => {
    while (pos < bytes.length && (bytes[pos] === 0x0a || bytes[pos] === 0x0d || bytes[pos] === 0x20)) pos++;
    let end = pos;
    while (end < bytes.length && end - pos < 64 && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    return latin1(bytes, pos, end);
  };
  if (line() !== 'xref') return null;
  pos += 4;
  const subsections: XrefSection['subsections'] = [];
  for (;;) {
    const header = line();
    if (header.startsWith('trailer')) {
      pos += 'trailer'.length;
      break;
    }
    // Every entry is exactly 20 bytes (§7.5.4); if they were not, the next header would not be found here.
    const sub = /^(\d+) (\d+) ?$/.exec(header);
    if (!sub) return null;
    pos += header.length;
    if (bytes[pos] === 0x0d) pos++;
    if (bytes[pos] === 0x0a) pos++;
    subsections.push({ first: Number(sub[1]), count: Number(sub[2]), at: pos });
    pos += Number(sub[2]) * 20;
  }
  const trailer = PDFObjectParser.forBytes(bytes.subarray(pos), context).parseObject();
  return trailer instanceof PDFDict ? { subsections, trailer } : null;
}

/** Where the object `ref` is, from the newest section that lists its number. */
function offsetOf(bytes: Uint8Array, xref: Xref, ref: PDFRef): number | null {
  for (const { subsections } of xref.sections) {
    for (const { first, count, at } of subsections) {
      if (ref.objectNumber < first || ref.objectNumber >= first + count) continue;
      const entry = /^(\d{10}) (\d{5}) ([nf])[ \r][\r\n]$/.exec(
        latin1(bytes, at + (ref.objectNumber - first) * 20, at + (ref.objectNumber - first + 1) * 20),
      );
      if (!entry || entry[3] !== 'n' || Number(entry[2]) !== ref.generationNumber) return null;
      return Number(entry[1]);
    }
  }
  return null;
}

function readObject(bytes: Uint8Array, xref: Xref, ref: unknown, context: PDFContext): PDFObject | null {
  if (!(ref instanceof PDFRef)) return null;
  const offset = offsetOf(bytes, xref, ref);
  if (offset === null) return null;
  const header = /^(\d+)\s+(\d+)\s+obj\b/.exec(latin1(bytes, offset, offset + 32));
  if (!header || Number(header[1]) !== ref.objectNumber || Number(header[2]) !== ref.generationNumber) return null;
  return PDFObjectParser.forBytes(bytes.subarray(offset + header[0].length), context).parseObject();
}

/** The finishing as an incremental update, or null when the file is not one this code reads. */
export function appendFinishing(
  printed: Uint8Array,
  finishing: PdfFinishing,
): { bytes: Uint8Array; pages: number } | null {
  try {
    const context = PDFContext.create();
    const xref = readXref(printed, context);
    const newest = xref?.sections[0]?.trailer;
    if (!xref || !newest || newest.has(name('Encrypt'))) return null;
    const rootRef = newest.get(name('Root'));
    const catalog = readObject(printed, xref, rootRef, context);
    const size = newest.get(name('Size'));
    if (!(rootRef instanceof PDFRef) || !(catalog instanceof PDFDict) || !(size instanceof PDFNumber)) return null;
    const pageTree = readObject(printed, xref, catalog.get(name('Pages')), context);
    const count = pageTree instanceof PDFDict ? pageTree.get(name('Count')) : undefined;
    if (!(count instanceof PDFNumber) || catalog.has(name('AF'))) return null;

    const written = new Map<number, { ref: PDFRef; object: PDFObject }>();
    let next = size.asNumber();
    const put = (object: PDFObject, ref: PDFRef = PDFRef.of(next++)): PDFRef => {
      written.set(ref.objectNumber, { ref, object });
      return ref;
    };
    // A dictionary the catalog holds inline or by reference, to be changed: the changed copy replaces the old object.
    const editable = (key: string): { dict: PDFDict; ref: PDFRef | null } | null => {
      const value = catalog.get(name(key));
      if (value === undefined) return { dict: context.obj({}), ref: null };
      if (value instanceof PDFDict) return { dict: value, ref: null };
      const dict = readObject(printed, xref, value, context);
      return dict instanceof PDFDict ? { dict, ref: value as PDFRef } : null;
    };

    const date = new Date(finishing.createdAt);
    const oldInfo = newest.get(name('Info'));
    const info = context.obj({
      Title: PDFHexString.fromText(finishing.title),
      ...(finishing.author ? { Author: PDFHexString.fromText(finishing.author) } : {}),
      Subject: PDFHexString.fromText(finishing.subject),
      Keywords: PDFHexString.fromText(finishing.keywords.join(' ')),
      Creator: PDFHexString.fromText(finishing.creator),
      Producer: PDFHexString.fromText(finishing.producer),
      CreationDate: PDFString.fromDate(date),
      ModDate: PDFString.fromDate(date),
    });
    const infoRef = put(info, oldInfo instanceof PDFRef ? oldInfo : undefined);

    // The attachment, as pdf-lib's attach() writes it.
    const fileRef = put(
      context.flateStream(finishing.auditJson, {
        Type: 'EmbeddedFile',
        Subtype: 'application/json',
        Params: {
          Size: finishing.auditJson.length,
          CreationDate: PDFString.fromDate(date),
          ModDate: PDFString.fromDate(date),
        },
      }),
    );
    const specRef = put(
      context.obj({
        Type: 'Filespec',
        F: PDFString.of(AUDIT_FILE_NAME),
        UF: PDFHexString.fromText(AUDIT_FILE_NAME),
        EF: { F: fileRef },
        Desc: PDFHexString.fromText(finishing.auditDescription),
        AFRelationship: AFRelationship.Data,
      }),
    );

    const names = editable('Names');
    const prefs = editable('ViewerPreferences');
    if (!names || !prefs || names.dict.has(name('EmbeddedFiles'))) return null;
    names.dict.set(name('EmbeddedFiles'), context.obj({ Names: [PDFHexString.fromText(AUDIT_FILE_NAME), specRef] }));
    if (names.ref) put(names.dict, names.ref);
    else catalog.set(name('Names'), names.dict);
    prefs.dict.set(name('DisplayDocTitle'), context.obj(true));
    if (prefs.ref) put(prefs.dict, prefs.ref);
    else catalog.set(name('ViewerPreferences'), prefs.dict);
    catalog.set(name('AF'), context.obj([specRef]));
    catalog.set(name('Lang'), PDFString.of(finishing.language));
    // Open with the bookmarks pane showing: the outline is how a reader finds the appendices.
    catalog.set(name('PageMode'), name('UseOutlines'));
    put(catalog, rootRef);

    const trailer = context.obj({ Size: next, Root: rootRef, Info: infoRef, Prev: xref.start });
    const id = newest.get(name('ID'));
    if (id instanceof PDFArray) trailer.set(name('ID'), id);
    return { bytes: writeUpdate(printed, [...written.values()], trailer), pages: count.asNumber() };
  } catch {
    return null;
  }
}

function serialize(object: PDFObject): Uint8Array {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
}

/** `printed` followed by the objects, a cross-reference section for them and the trailer. */
function writeUpdate(
  printed: Uint8Array,
  objects: Array<{ ref: PDFRef; object: PDFObject }>,
  trailer: PDFDict,
): Uint8Array {
  const parts: Uint8Array[] = [printed];
  let length = printed.length;
  const add = (part: Uint8Array | string) => {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'latin1') : part;
    parts.push(bytes);
    length += bytes.length;
  };
  if (printed[printed.length - 1] !== 0x0a) add('\n');
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const { ref, object } of objects.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber)) {
    offsets.set(ref.objectNumber, { offset: length, generation: ref.generationNumber });
    add(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    add(serialize(object));
    add('\nendobj\n');
  }
  const xrefStart = length;
  let xref = 'xref\n';
  const numbers = [...offsets.keys()];
  for (let i = 0; i < numbers.length;) {
    let j = i + 1;
    while (j < numbers.length && numbers[j] === numbers[j - 1]! + 1) j++;
    xref += `${numbers[i]} ${j - i}\n`;
    for (const n of numbers.slice(i, j)) {
      const { offset, generation } = offsets.get(n)!;
      xref += `${String(offset).padStart(10, '0')} ${String(generation).padStart(5, '0')} n\r\n`;
    }
    i = j;
  }
  add(xref);
  add('trailer\n');
  add(serialize(trailer));
  add(`\nstartxref\n${xrefStart}\n%%EOF\n`);
  return Buffer.concat(parts, length);
}

// ── Full rewrite (files the update does not read) ──────────────────────────────────────

async function rewriteFinishing(
  printed: Uint8Array,
  finishing: PdfFinishing,
): Promise<{ bytes: Uint8Array; pages: number }> {
  // Parse and write without yielding every 100 objects (pdf-lib's default): several times faster on long briefs.
  const doc = await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const date = new Date(finishing.createdAt);
  doc.setTitle(finishing.title, { showInWindowTitleBar: true });
  if (finishing.author) doc.setAuthor(finishing.author);
  doc.setSubject(finishing.subject);
  doc.setKeywords(finishing.keywords);
  doc.setCreator(finishing.creator);
  doc.setProducer(finishing.producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(finishing.language));
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  await doc.attach(finishing.auditJson, AUDIT_FILE_NAME, {
    mimeType: 'application/json',
    description: finishing.auditDescription,
    creationDate: date,
    modificationDate: date,
    afRelationship: AFRelationship.Data,
  });
  const bytes = await doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { bytes, pages: doc.getPageCount() };
}
