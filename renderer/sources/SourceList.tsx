// Every source in the library, newest first: what it is, how reliable, how often it is cited.
import { useState } from 'react';
import type { Source } from '../../shared/api/sources';
import { useWorkspaceActions } from '../workspace/workspaceState';
import { plural } from '../ui/formatDate';
import { ReliabilityBadge } from '../ui/tradecraft';
import { SourceDetailsDialog } from './SourceDetailsDialog';
import { SourceMeta } from './SourceMeta';

export function SourceList({ sources }: { sources: readonly Source[] }) {
  const actions = useWorkspaceActions();
  const [editing, setEditing] = useState<Source | null>(null);
  const sorted = [...sources].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return (
    <>
      <ul className="source-list" aria-label="Sources">
        {sorted.map((source) => (
          <li key={source.id} className="source-list__item">
            <button type="button" className="source-list__open" onClick={() => actions.openSource(source.id)}>
              <span className="source-list__title" dir="auto">
                {source.title}
              </span>
              <SourceMeta source={source} />
              <span className="source-list__counts">
                {plural(source.citationCount, 'citation')}
                {source.versionCount > 1 && ` · ${plural(source.versionCount, 'version')}`}
              </span>
            </button>
            <div className="source-list__side">
              <ReliabilityBadge grade={source.reliability} />
              <button
                type="button"
                className="button button--small button--quiet"
                aria-label={`Edit details of ${source.title}`}
                onClick={() => setEditing(source)}
              >
                Details
              </button>
            </div>
          </li>
        ))}
      </ul>
      <SourceDetailsDialog source={editing} onClose={() => setEditing(null)} />
    </>
  );
}
