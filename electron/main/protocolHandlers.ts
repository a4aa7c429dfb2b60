// The request handlers behind the `app://` protocol, as plain (Request) => Response functions so
// tests call them on real files in a temporary folder. protocol.ts registers them with Electron.
import { readFile, realpath, stat } from 'node:fs/promises';
import { printResponseHeaders, rendererResponseHeaders } from './contentSecurityPolicy';
import type { PrintDocumentStore } from './printDocuments';
import { isInsideRoot, resolveAppRequest } from './protocolPaths';

export type ProtocolHandler = (request: Request) => Response | Promise<Response>;

const PLAIN_TEXT = 'text/plain; charset=utf-8';

function refusal(status: number, reason: string, headers: (contentType: string) => Record<string, string>): Response {
  return new Response(`${status} ${reason}`, { status, headers: headers(PLAIN_TEXT) });
}

/** Serves files strictly inside `rendererRoot` (dist/renderer) with the renderer CSP; refuses everything else. */
export function createRendererHandler(
  rendererRoot: string,
  log: (message: string) => void = () => {},
): ProtocolHandler {
  let realRoot: Promise<string> | undefined;
  return async (request) => {
    const decision = resolveAppRequest(request.url, rendererRoot, request.method);
    if (decision.kind !== 'file') {
      const status = decision.kind === 'refused' ? decision.status : 404;
      const reason = decision.kind === 'refused' ? decision.reason : 'not served here';
      if (status !== 404) log(`app protocol refused ${request.url}: ${reason}`);
      return refusal(status, reason, rendererResponseHeaders);
    }
    try {
      realRoot ??= realpath(rendererRoot);
      // The real path must still be inside: a symlink may not lead out of dist/renderer.
      const [root, file] = await Promise.all([realRoot, realpath(decision.filePath)]);
      if (!isInsideRoot(root, file)) {
        log(`app protocol refused ${request.url}: symlink out of the renderer folder`);
        return refusal(403, 'path outside the renderer folder', rendererResponseHeaders);
      }
      if (!(await stat(file)).isFile()) return refusal(404, 'not found', rendererResponseHeaders);
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      return new Response(body, { status: 200, headers: rendererResponseHeaders(decision.mimeType) });
    } catch {
      realRoot = undefined; // the folder may appear later (a build during `npm start`)
      return refusal(404, 'not found', rendererResponseHeaders);
    }
  };
}

/** Serves in-memory print documents (app://print/<id>.html) with the no-script print CSP, and nothing else. */
export function createPrintHandler(documents: PrintDocumentStore): ProtocolHandler {
  return (request) => {
    // No renderer root: only the print host can resolve to anything here.
    const decision = resolveAppRequest(request.url, '/dev/null/no-renderer-here', request.method);
    const html = decision.kind === 'print' ? documents.get(decision.documentId) : undefined;
    if (html === undefined) return refusal(404, 'not found', printResponseHeaders);
    return new Response(request.method === 'HEAD' ? null : html, {
      status: 200,
      headers: printResponseHeaders('text/html; charset=utf-8'),
    });
  };
}
