// What Chromium's printToPDF cannot write: the document information (Author, Subject,
// Keywords, Creator), the audit record as an embedded file, and viewer hints (show the
// title and the bookmarks). Done with pdf-lib, which keeps the tagged structure and the
// outline Chromium produced.
import { AFRelationship, ParseSpeeds, PDFDocument, PDFName, PDFString } from 'pdf-lib';
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
export async function finishPdf(printed: Uint8Array, finishing: PdfFinishing): Promise<{ bytes: Uint8Array; pages: number }> {
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
  // Open with the bookmarks pane showing: the outline is how a reader finds the appendices.
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
