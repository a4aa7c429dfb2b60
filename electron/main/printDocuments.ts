// In-memory print documents for the hidden print window: each finished HTML string is served
// once under an unguessable id at app://print/<id>.html (no temp files, no file://, no size
// limit of data: URLs) and forgotten as soon as the PDF is made.
import { randomBytes } from 'node:crypto';
import { APP_SCHEME, PRINT_HOST } from './appUrl';

export interface PrintDocument {
  url: string;
  /** Forgets the document; safe to call more than once. */
  release: () => void;
}

export interface PrintDocumentStore {
  add: (html: string) => PrintDocument;
  get: (documentId: string) => string | undefined;
  readonly size: number;
}

export function createPrintDocumentStore(): PrintDocumentStore {
  const documents = new Map<string, string>();
  return {
    add(html) {
      const id = randomBytes(24).toString('base64url');
      documents.set(id, html);
      return { url: `${APP_SCHEME}://${PRINT_HOST}/${id}.html`, release: () => void documents.delete(id) };
    },
    get: (documentId) => documents.get(documentId),
    get size() {
      return documents.size;
    },
  };
}
