// A vertical splitter between two panes (WAI-ARIA "window splitter"): drag it with the pointer,
// or focus it and use the arrow keys; Home/End jump to the limits, double-click resets.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

interface SplitterProps {
  /** What it resizes, e.g. "Resize brief list". */
  label: string;
  /** The id of the pane whose width this controls. */
  controls: string;
  value: number;
  min: number;
  max: number;
  defaultValue: number;
  /** +1 when dragging right widens the pane (a pane on the left), -1 for a pane on the right. */
  direction: 1 | -1;
  /** Called while dragging (`done` false) and once at the end (`done` true, the value to remember). */
  onResize: (value: number, done: boolean) => void;
}

const STEP = 16;
const BIG_STEP = 64;

export function Splitter({ label, controls, value, min, max, defaultValue, direction, onResize }: SplitterProps) {
  const drag = useRef<{ startX: number; startValue: number; last: number } | null>(null);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startValue: value, last: value };
    document.body.classList.add('is-resizing');
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const next = clamp(drag.current.startValue + direction * (event.clientX - drag.current.startX));
    drag.current.last = next;
    onResize(next, false);
  };
  const endDrag = () => {
    if (!drag.current) return;
    onResize(drag.current.last, true);
    drag.current = null;
    document.body.classList.remove('is-resizing');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const keys: Record<string, number> = {
      ArrowLeft: value - direction * step,
      ArrowRight: value + direction * step,
      Home: min,
      End: max,
    };
    const next = keys[event.key];
    if (next === undefined) return;
    event.preventDefault();
    onResize(clamp(next), true);
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className="splitter"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endDrag}
      onPointerCancel={endDrag}
      onDoubleClick={() => onResize(defaultValue, true)}
      onKeyDown={onKeyDown}
    />
  );
}
