// A keyboard shortcut shown next to the action it triggers.
import { formatShortcut, type Shortcut } from './keyboard';

export function Kbd({ shortcut }: { shortcut: Shortcut }) {
  return <kbd className="kbd">{formatShortcut(shortcut)}</kbd>;
}
