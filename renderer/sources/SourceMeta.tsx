// The one-line description of a source under its title: publisher, author, date, language, link.
import type { Source } from '../../shared/api/sources';
import { ExternalLink } from '../ui/ExternalLink';

export function SourceMeta({ source, withLink }: { source: Source; withLink?: boolean }) {
  const parts = [source.publisher, source.author, source.publishedAt, source.language?.toUpperCase()].filter(
    (p): p is string => Boolean(p),
  );
  return (
    <p className="source-meta">
      {parts.length > 0 ? parts.join(' · ') : <span className="muted">No details yet</span>}
      {withLink && source.url && (
        <>
          {' · '}
          <ExternalLink url={source.url} />
        </>
      )}
    </p>
  );
}
