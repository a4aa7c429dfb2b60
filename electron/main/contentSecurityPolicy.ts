// The response headers of the app protocol, with the Content-Security-Policy written out literally
// where the header is set — one place to read it, and where static scanners (electronegativity's
// CSP check) find and evaluate it. Tests parse these strings back into directives.

/** Headers every app:// response carries besides its type and policy. */
const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * Headers for the renderer (app://renderer/…): only the app's own files; no inline script or
 * style, no eval, no network, no plugins, no framing. Identical to the meta tag in renderer/index.html.
 * (electronegativity notes, LOW, that `script-src 'self'` is weak where a site hosts JSONP or user
 * uploads; 'self' here is app://renderer, which serves only the built files in dist/renderer.)
 */
export function rendererResponseHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentType, ...COMMON_HEADERS };
  headers['Content-Security-Policy'] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
  return headers;
}

/**
 * Headers for a print document (app://print/…): one self-contained HTML string made by the export
 * service, whose stylesheet is inline and whose fonts and images are data: URLs. It runs no
 * script at all and loads nothing from anywhere; inline style is its only allowance.
 */
export function printResponseHeaders(contentType: string): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': contentType, ...COMMON_HEADERS };
  headers['Content-Security-Policy'] =
    "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";
  return headers;
}

export const RENDERER_CSP = rendererResponseHeaders('text/html')['Content-Security-Policy']!;
export const PRINT_CSP = printResponseHeaders('text/html')['Content-Security-Policy']!;

/** Parses a policy into directive → sources (tests and reviews). */
export function parseCsp(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name] = sources;
  }
  return directives;
}
