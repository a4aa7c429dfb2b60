// The Sources tab: import (file picker, drag and drop, paste), the list of sources, and the
// reader for the one that is open. Files can be dropped anywhere on the tab.
import { useRef, useState, type DragEvent } from 'react';
import { invoke, useQuery } from '../bridge';
import { useWorkspace } from '../workspace/workspaceState';
import { EmptyState } from '../ui/EmptyState';
import { ErrorNote } from '../ui/ErrorNote';
import { ImportProgress } from './ImportProgress';
import { PasteTextDialog } from './PasteTextDialog';
import { SourceList } from './SourceList';
import { SourceReader } from './SourceReader';
import { useSourceImport } from './useSourceImport';
import { FOCUS_TARGETS } from '../workspace/focusTargets';
import { ariaShortcut, formatShortcut, SHORTCUTS } from '../ui/keyboard';

const ACCEPTED_FILES = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,text/plain,text/markdown,text/html';

export function SourcesPanel() {
  const { reader } = useWorkspace();
  const sources = useQuery(() => invoke('sources.list', {}), [], ['sources', 'citations']);
  const { jobs, importFiles, importText } = useSourceImport();
  const [pasting, setPasting] = useState(false);
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  const onDragOver = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  };
  const onDrop = (event: DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDropping(false);
    void importFiles([...event.dataTransfer.files]);
  };

  const openPicker = () => fileInput.current?.click();

  return (
    <div
      className={`sources-panel${dropping ? ' is-dropping' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={onDrop}
    >
      <div className="panel-toolbar">
        <button
          type="button"
          id={FOCUS_TARGETS.importButton}
          className="button button--small"
          aria-keyshortcuts={ariaShortcut(SHORTCUTS.importSource)}
          title={`Import a text, Markdown or HTML file (${formatShortcut(SHORTCUTS.importSource)})`}
          onClick={openPicker}
        >
          Import file…
        </button>
        <button type="button" className="button button--small" onClick={() => setPasting(true)}>
          Paste text…
        </button>
        <span className="panel-toolbar__hint">or drop files here</span>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Choose files to import"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = ''; // choosing the same file again must fire change again
            void importFiles(files);
          }}
        />
      </div>
      <ImportProgress jobs={jobs} />

      <div className="panel-body">
        {reader ? (
          <SourceReader key={reader.sourceId} target={reader} />
        ) : sources.error && !sources.data ? (
          <ErrorNote error={sources.error} onRetry={sources.reload} />
        ) : !sources.data ? (
          <p className="loading">Loading sources…</p>
        ) : sources.data.length === 0 ? (
          <EmptyState
            title="No sources yet — import one"
            action={
              <>
                <button type="button" className="button button--primary" onClick={openPicker}>
                  Import a file
                </button>
                <button type="button" className="button" onClick={() => setPasting(true)}>
                  Paste text
                </button>
              </>
            }
          >
            <p>
              Text, Markdown and HTML files become sources you can read, quote and cite. You can also drop files here.
            </p>
          </EmptyState>
        ) : (
          <SourceList sources={sources.data} />
        )}
      </div>

      {dropping && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to import
        </div>
      )}
      <PasteTextDialog open={pasting} onClose={() => setPasting(false)} onImport={importText} />
    </div>
  );
}
