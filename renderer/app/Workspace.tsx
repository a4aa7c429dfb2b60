// The three-pane workspace: brief list | editor | context panel, with splitters whose widths
// are remembered between sessions.
import { useState, type CSSProperties } from 'react';
import { BriefDialogHost } from '../briefs/BriefDialogHost';
import { BriefList } from '../briefs/BriefList';
import { Splitter } from '../ui/Splitter';
import { usePersistentState } from '../ui/usePersistentState';
import { ContextPanel } from './ContextPanel';
import { EditorArea } from './EditorArea';
import { useGlobalShortcuts } from './useGlobalShortcuts';

const LAYOUT_KEY = 'briefing.layout.v1';
const DEFAULT_LAYOUT = { left: 260, right: 460 };
const LIMITS = { left: { min: 180, max: 480 }, right: { min: 320, max: 900 } };

type Layout = typeof DEFAULT_LAYOUT;
const isLayout = (value: unknown): value is Layout =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Layout).left === 'number' &&
  typeof (value as Layout).right === 'number' &&
  (value as Layout).left >= LIMITS.left.min &&
  (value as Layout).left <= LIMITS.left.max &&
  (value as Layout).right >= LIMITS.right.min &&
  (value as Layout).right <= LIMITS.right.max;

export function Workspace() {
  const [saved, save] = usePersistentState<Layout>(LAYOUT_KEY, DEFAULT_LAYOUT, isLayout);
  // While dragging, widths follow the pointer without writing to storage on every move.
  const [dragging, setDragging] = useState<Layout | null>(null);
  const layout = dragging ?? saved;
  useGlobalShortcuts();

  const resize = (side: keyof Layout) => (value: number, done: boolean) => {
    const next = { ...layout, [side]: value };
    if (done) {
      save(next);
      setDragging(null);
    } else setDragging(next);
  };

  return (
    <div
      className="workspace"
      style={{ '--left-width': `${layout.left}px`, '--right-width': `${layout.right}px` } as CSSProperties}
    >
      <nav id="pane-briefs" className="pane pane--briefs" aria-label="Briefs">
        <BriefList />
      </nav>
      <Splitter
        label="Resize the brief list"
        controls="pane-briefs"
        value={layout.left}
        {...LIMITS.left}
        defaultValue={DEFAULT_LAYOUT.left}
        direction={1}
        onResize={resize('left')}
      />
      <main id="pane-editor" className="pane pane--editor">
        <EditorArea />
      </main>
      <Splitter
        label="Resize the context panel"
        controls="pane-context"
        value={layout.right}
        {...LIMITS.right}
        defaultValue={DEFAULT_LAYOUT.right}
        direction={-1}
        onResize={resize('right')}
      />
      <aside id="pane-context" className="pane pane--context" aria-label="Sources, claim library and card">
        <ContextPanel />
      </aside>
      <BriefDialogHost />
    </div>
  );
}
