// A link to the outside world that goes only through the app's allow-listed opener. It is a
// button, not an <a href>: a URL from an imported document never becomes a live href in the
// page, and a URL with any other scheme (javascript:, data:, file:) is shown as plain text.
import { allowedExternalUrl, openExternal } from '../bridge';

export function ExternalLink({ url, children }: { url: string; children?: string }) {
  const safe = allowedExternalUrl(url);
  if (!safe) {
    return (
      <span className="external-link external-link--blocked" title="Only http, https and mailto links can be opened.">
        {children ?? url}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="link-button external-link"
      title={`Open ${safe} in your browser`}
      onClick={() => openExternal(safe)}
    >
      {children ?? displayUrl(safe)}
      <span aria-hidden="true"> ↗</span>
      <span className="visually-hidden"> (opens in your browser)</span>
    </button>
  );
}

function displayUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === 'mailto:') return parsed.pathname;
  return parsed.hostname.replace(/^www\./, '') + (parsed.pathname.length > 1 ? parsed.pathname : '');
}
