// The formatting toolbar: block type, bold/italic/underline, lists, quote, link, undo/redo,
// plus the word count and save state. It reads the selection once per update and re-renders
// only when what it shows changes; it never touches the cards.
import { $createLinkNode, $isLinkNode, $toggleLink } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type JSX,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { formatShortcut } from '../../ui/keyboard';
import { EDITOR_SHORTCUTS, type EditorShortcut } from '../editorShortcuts';
import { $currentBlockType, $selectionInLink, BLOCK_LABELS, setBlockType, type BlockType } from '../formatting';
import { validateLinkUrl } from '../linkUrl';
import type { StatusStore } from '../state/statusStore';
import { OPEN_LINK_EDITOR_COMMAND } from '../uiCommands';
import { BulletListIcon, LinkIcon, NumberListIcon, QuoteIcon, RedoIcon, UndoIcon } from '../ui/icons';

interface ToolbarState {
  block: BlockType | null;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
}

const INITIAL: ToolbarState = { block: 'paragraph', bold: false, italic: false, underline: false, link: false };

function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { ...INITIAL, block: null };
  return {
    block: $currentBlockType(),
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    link: $selectionInLink(),
  };
}

function sameState(a: ToolbarState, b: ToolbarState): boolean {
  return (
    a.block === b.block &&
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.link === b.link
  );
}

function title(label: string, shortcut?: EditorShortcut): string {
  return shortcut ? `${label} (${formatShortcut(shortcut)})` : label;
}

function ToolButton(props: {
  label: string;
  shortcut?: EditorShortcut;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  className?: string;
}): JSX.Element {
  return (
    <button
      type="button"
      className={`be-tool${props.pressed ? ' is-active' : ''}${props.className ? ` ${props.className}` : ''}`}
      aria-label={props.label}
      title={title(props.label, props.shortcut)}
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.shortcut ? ariaKeys(props.shortcut) : undefined}
      disabled={props.disabled}
      // Keep the caret in the editor.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

function ariaKeys(s: EditorShortcut): string {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return [s.mod && (mac ? 'Meta' : 'Control'), s.alt && 'Alt', s.shift && 'Shift', s.key.toUpperCase()]
    .filter(Boolean)
    .join('+');
}

const BLOCK_BUTTONS: { type: BlockType; text: string; shortcut: EditorShortcut }[] = [
  { type: 'paragraph', text: '¶', shortcut: EDITOR_SHORTCUTS.paragraph },
  { type: 'h1', text: 'H1', shortcut: EDITOR_SHORTCUTS.heading1 },
  { type: 'h2', text: 'H2', shortcut: EDITOR_SHORTCUTS.heading2 },
  { type: 'h3', text: 'H3', shortcut: EDITOR_SHORTCUTS.heading3 },
];

/** The link editor: validates the address (http, https, mailto only) before anything is changed. */
function LinkEditor({
  editor,
  saved,
  initialUrl,
  inLink,
  onDone,
}: {
  editor: LexicalEditor;
  saved: BaseSelection | null;
  initialUrl: string;
  inLink: boolean;
  onDone: () => void;
}): JSX.Element {
  const [value, setValue] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useEffect(() => inputRef.current?.focus(), []);

  const restore = () => {
    if (saved) $setSelection(saved.clone());
  };
  const finish = () => {
    onDone();
    editor.focus();
  };
  const apply = () => {
    const result = validateLinkUrl(value);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    editor.update(() => {
      restore();
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const node = selection.anchor.getNode();
      const link = $isLinkNode(node) ? node : $isLinkNode(node.getParent()) ? node.getParent() : null;
      if (selection.isCollapsed() && $isLinkNode(link)) link.setURL(result.url);
      else if (selection.isCollapsed())
        selection.insertNodes([$createLinkNode(result.url).append($createTextNode(value.trim()))]);
      else $toggleLink(result.url);
    });
    finish();
  };
  const remove = () => {
    editor.update(() => {
      restore();
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) return;
      const node = selection.anchor.getNode();
      const link = $isLinkNode(node) ? node : node.getParent();
      if (selection.isCollapsed() && $isLinkNode(link)) {
        for (const child of link.getChildren()) link.insertBefore(child);
        link.remove();
      } else $toggleLink(null);
    });
    finish();
  };

  return (
    <div className="be-link-editor" role="group" aria-label="Link">
      <input
        ref={inputRef}
        className="be-link-editor__input"
        type="text"
        inputMode="url"
        spellCheck={false}
        placeholder="https://… or name@example.org"
        aria-label="Link address"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            apply();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            finish();
          }
        }}
      />
      <button type="button" className="be-button be-button--primary" onClick={apply}>
        {inLink ? 'Update' : 'Add link'}
      </button>
      {inLink && (
        <button type="button" className="be-button" onClick={remove}>
          Remove link
        </button>
      )}
      <button type="button" className="be-button" onClick={finish}>
        Cancel
      </button>
      {error && (
        <p id={errorId} className="be-link-editor__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function toolButtons(toolbar: HTMLElement | null): HTMLButtonElement[] {
  return [...(toolbar?.querySelectorAll<HTMLButtonElement>('button.be-tool') ?? [])];
}

/** Makes `target` the toolbar's one Tab stop. */
function makeTabStop(toolbar: HTMLElement | null, target: HTMLButtonElement | undefined): void {
  if (!target) return;
  for (const b of toolButtons(toolbar)) b.tabIndex = b === target ? 0 : -1;
}

/**
 * Roving focus for the toolbar (WAI-ARIA toolbar pattern): one Tab stop, arrow keys, Home and End
 * move between the enabled buttons.
 */
function useRovingFocus(): {
  ref: (el: HTMLDivElement | null) => void;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: (e: FocusEvent<HTMLDivElement>) => void;
} {
  const element = useRef<HTMLDivElement | null>(null);
  const buttons = () => toolButtons(element.current);
  const makeCurrent = (target: HTMLButtonElement | undefined) => makeTabStop(element.current, target);
  useEffect(() => {
    // Keep exactly one enabled button reachable by Tab as buttons enable and disable.
    const sync = () => {
      const all = toolButtons(element.current);
      const current = all.find((b) => b.tabIndex === 0 && !b.disabled);
      makeTabStop(element.current, current ?? all.find((b) => !b.disabled));
    };
    sync();
    const observer = typeof MutationObserver !== 'undefined' ? new MutationObserver(sync) : null;
    if (element.current)
      observer?.observe(element.current, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
    return () => observer?.disconnect();
  }, []);
  return {
    ref: (el) => {
      element.current = el;
    },
    onFocus: (e) => {
      if (e.target instanceof HTMLButtonElement && e.target.classList.contains('be-tool')) makeCurrent(e.target);
    },
    onKeyDown: (e) => {
      const enabled = buttons().filter((b) => !b.disabled);
      const i = enabled.indexOf(document.activeElement as HTMLButtonElement);
      if (i < 0) return;
      const next =
        e.key === 'ArrowRight'
          ? enabled[(i + 1) % enabled.length]
          : e.key === 'ArrowLeft'
            ? enabled[(i - 1 + enabled.length) % enabled.length]
            : e.key === 'Home'
              ? enabled[0]
              : e.key === 'End'
                ? enabled.at(-1)
                : undefined;
      if (!next) return;
      e.preventDefault();
      makeCurrent(next);
      next.focus();
    },
  };
}

function SaveState({ status }: { status: StatusStore }): JSX.Element {
  const s = useSyncExternalStore(status.subscribe, status.get, status.get);
  const time = s.savedAt ? new Date(s.savedAt) : null;
  const when =
    time && !Number.isNaN(time.getTime()) ? time.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : null;
  const text = s.error ? 'Not saved' : s.saving ? 'Saving…' : s.dirty ? 'Edited' : when ? `Saved ${when}` : 'Saved';
  return (
    <>
      <span className="be-status__words" aria-live="off">
        {s.wordCount.toLocaleString()} {s.wordCount === 1 ? 'word' : 'words'}
      </span>
      <span className={`be-status__save${s.error ? ' is-error' : ''}`} role="status" title={s.error ?? undefined}>
        {text}
      </span>
    </>
  );
}

export function ToolbarPlugin({ status }: { status: StatusStore }): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(INITIAL);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [editable, setEditable] = useState(() => editor.isEditable());
  const [link, setLink] = useState<{ saved: BaseSelection | null; url: string; inLink: boolean } | null>(null);

  const openLinkEditor = useCallback(() => {
    const { saved, url, inLink } = editor.read('latest', () => {
      const selection = $getSelection();
      let url = '';
      let inLink = false;
      if ($isRangeSelection(selection)) {
        const node = selection.anchor.getNode();
        const found = $isLinkNode(node) ? node : $isLinkNode(node.getParent()) ? node.getParent() : null;
        if ($isLinkNode(found)) {
          url = found.getURL();
          inLink = true;
        }
      }
      return { saved: selection ? selection.clone() : null, url, inLink };
    });
    setLink({ saved, url, inLink });
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          const next = editorState.read($readToolbarState);
          setState((prev) => (sameState(prev, next) ? prev : next));
        }),
        editor.registerEditableListener(setEditable),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(OPEN_LINK_EDITOR_COMMAND, () => (openLinkEditor(), true), COMMAND_PRIORITY_LOW),
      ),
    [editor, openLinkEditor],
  );

  const roving = useRovingFocus();
  const format = (f: 'bold' | 'italic' | 'underline') => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f);
  const disabled = !editable;
  // Formatting applies to text; with a card selected the buttons stay available but do nothing.
  const textDisabled = disabled;

  return (
    <div className="be-toolbar-wrap">
      <div
        className="be-toolbar"
        role="toolbar"
        aria-label="Formatting"
        aria-orientation="horizontal"
        ref={roving.ref}
        onKeyDown={roving.onKeyDown}
        onFocus={roving.onFocus}
      >
        <div className="be-toolbar__group" role="group" aria-label="History">
          <ToolButton
            label="Undo"
            shortcut={EDITOR_SHORTCUTS.undo}
            disabled={disabled || !canUndo}
            onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
          >
            <UndoIcon />
          </ToolButton>
          <ToolButton
            label="Redo"
            shortcut={EDITOR_SHORTCUTS.redo}
            disabled={disabled || !canRedo}
            onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
          >
            <RedoIcon />
          </ToolButton>
        </div>
        <div className="be-toolbar__group" aria-label="Block type" role="group">
          {BLOCK_BUTTONS.map((b) => (
            <ToolButton
              key={b.type}
              label={BLOCK_LABELS[b.type]}
              shortcut={b.shortcut}
              pressed={state.block === b.type}
              disabled={textDisabled}
              onClick={() => setBlockType(editor, b.type)}
            >
              <span aria-hidden="true">{b.text}</span>
            </ToolButton>
          ))}
        </div>
        <div className="be-toolbar__group" role="group" aria-label="Text style">
          <ToolButton
            label="Bold"
            shortcut={EDITOR_SHORTCUTS.bold}
            pressed={state.bold}
            disabled={textDisabled}
            onClick={() => format('bold')}
          >
            <b aria-hidden="true">B</b>
          </ToolButton>
          <ToolButton
            label="Italic"
            shortcut={EDITOR_SHORTCUTS.italic}
            pressed={state.italic}
            disabled={textDisabled}
            onClick={() => format('italic')}
          >
            <i aria-hidden="true">I</i>
          </ToolButton>
          <ToolButton
            label="Underline"
            shortcut={EDITOR_SHORTCUTS.underline}
            pressed={state.underline}
            disabled={textDisabled}
            onClick={() => format('underline')}
          >
            <u aria-hidden="true">U</u>
          </ToolButton>
        </div>
        <div className="be-toolbar__group" role="group" aria-label="Lists and quotes">
          <ToolButton
            label={BLOCK_LABELS.bullet}
            shortcut={EDITOR_SHORTCUTS.bulletedList}
            pressed={state.block === 'bullet'}
            disabled={textDisabled}
            onClick={() => setBlockType(editor, 'bullet')}
          >
            <BulletListIcon />
          </ToolButton>
          <ToolButton
            label={BLOCK_LABELS.number}
            shortcut={EDITOR_SHORTCUTS.numberedList}
            pressed={state.block === 'number'}
            disabled={textDisabled}
            onClick={() => setBlockType(editor, 'number')}
          >
            <NumberListIcon />
          </ToolButton>
          <ToolButton
            label={BLOCK_LABELS.quote}
            shortcut={EDITOR_SHORTCUTS.quote}
            pressed={state.block === 'quote'}
            disabled={textDisabled}
            onClick={() => setBlockType(editor, 'quote')}
          >
            <QuoteIcon />
          </ToolButton>
          <ToolButton
            label={state.link ? 'Edit link' : 'Link'}
            shortcut={EDITOR_SHORTCUTS.link}
            pressed={state.link}
            disabled={textDisabled}
            onClick={openLinkEditor}
          >
            <LinkIcon />
          </ToolButton>
        </div>
        <div className="be-toolbar__status">
          <SaveState status={status} />
        </div>
      </div>
      {link && (
        <LinkEditor
          editor={editor}
          saved={link.saved}
          initialUrl={link.url}
          inLink={link.inLink}
          onDone={() => setLink(null)}
        />
      )}
    </div>
  );
}
