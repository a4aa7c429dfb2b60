// The Content-Security-Policy the app protocol sends: exactly the agreed policy, no remote
// origin, no unsafe-inline/unsafe-eval, nothing wider than the app's own origin; and the same
// policy as the meta tag in renderer/index.html, so the browser harness runs under it too.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsp, PRINT_CSP, RENDERER_CSP, rendererResponseHeaders } from '../../electron/main/contentSecurityPolicy';

const RENDERER_CSP_DIRECTIVES = parseCsp(RENDERER_CSP);
const PRINT_CSP_DIRECTIVES = parseCsp(PRINT_CSP);

const EXPECTED =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

const allSources = (directives: Readonly<Record<string, readonly string[]>>) => Object.values(directives).flat();

describe('renderer Content-Security-Policy', () => {
  it('is exactly the agreed policy', () => {
    expect(RENDERER_CSP).toBe(EXPECTED);
  });

  it('names no remote origin, host, wildcard or network scheme', () => {
    for (const source of allSources(RENDERER_CSP_DIRECTIVES)) {
      expect(source, source).toMatch(/^('self'|'none'|data:)$/);
    }
    expect(RENDERER_CSP).not.toMatch(/https?:|wss?:|\*|blob:|filesystem:/);
  });

  it('allows no inline script or style and no eval', () => {
    expect(RENDERER_CSP).not.toMatch(
      /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|nonce-|sha256-/,
    );
  });

  it('parses into exactly the ten agreed directives', () => {
    expect(Object.keys(RENDERER_CSP_DIRECTIVES)).toEqual([
      'default-src',
      'script-src',
      'style-src',
      'img-src',
      'font-src',
      'connect-src',
      'base-uri',
      'form-action',
      'frame-ancestors',
      'object-src',
    ]);
  });

  it('falls back to nothing and forbids plugins, base rewriting, form posts and framing', () => {
    expect(RENDERER_CSP_DIRECTIVES['default-src']).toEqual(["'none'"]);
    expect(RENDERER_CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
    expect(RENDERER_CSP_DIRECTIVES['base-uri']).toEqual(["'none'"]);
    expect(RENDERER_CSP_DIRECTIVES['form-action']).toEqual(["'none'"]);
    expect(RENDERER_CSP_DIRECTIVES['frame-ancestors']).toEqual(["'none'"]);
  });

  it('matches the meta tag in renderer/index.html', () => {
    const indexHtml = join(import.meta.dirname, '../../renderer/index.html');
    if (!existsSync(indexHtml)) return;
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(readFileSync(indexHtml, 'utf8'));
    expect(meta?.[1]).toBe(RENDERER_CSP);
  });

  it('is sent with the content type, nosniff and a same-origin opener policy', () => {
    const headers = rendererResponseHeaders('text/css; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(RENDERER_CSP);
    expect(headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });
});

describe('print-window Content-Security-Policy', () => {
  it('runs no script and loads nothing but inline data', () => {
    expect(PRINT_CSP_DIRECTIVES['script-src']).toEqual(["'none'"]);
    expect(PRINT_CSP_DIRECTIVES['default-src']).toEqual(["'none'"]);
    for (const source of allSources(PRINT_CSP_DIRECTIVES)) {
      // The print document's own <style> is its stylesheet; nothing else is allowed in.
      expect(source, source).toMatch(/^('none'|'unsafe-inline'|data:)$/);
    }
    expect(PRINT_CSP_DIRECTIVES['style-src']).toEqual(["'unsafe-inline'"]);
  });
});
