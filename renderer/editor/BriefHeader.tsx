// The brief's title and handling marking (none, TLP 2.0, or a classification with caveats, from
// the tradecraft vocabularies), saved with briefs.update. The marking also shows as a banner.
import { useEffect, useId, useRef, useState, type JSX } from 'react';
import type { Brief } from '../../shared/api/briefs';
import {
  CLASSIFICATION_LEVELS,
  isValidMarking,
  markingScheme,
  TLP_MARKINGS,
  type MarkingScheme,
} from '../../shared/tradecraft/vocabularies';
import { describeError, invoke, onLibraryChange } from './state/bridge';

const TITLE_SAVE_DELAY_MS = 800;
type Level = (typeof CLASSIFICATION_LEVELS)[number];

/** The CSS modifier for a marking's banner colour. */
export function markingTone(marking: string): string {
  if (marking === '') return 'none';
  if (marking.startsWith('TLP:')) return marking.slice(4).toLowerCase().replace('+strict', '-strict');
  return (marking.split('//')[0] ?? '').toLowerCase().replace(' ', '-');
}

function splitClassification(marking: string): { level: Level; caveats: string } {
  const [level, ...caveats] = marking.split('//');
  const known = (CLASSIFICATION_LEVELS as readonly string[]).includes(level ?? '') ? (level as Level) : 'UNCLASSIFIED';
  return { level: known, caveats: caveats.join('//') };
}

export function BriefHeader({
  brief,
  editable,
  onEnterBody,
}: {
  brief: Brief;
  editable: boolean;
  onEnterBody: () => void;
}): JSX.Element {
  const ids = useId();
  const [title, setTitle] = useState(brief.title);
  const savedTitle = useRef(brief.title);
  const [marking, setMarking] = useState(brief.marking);
  const [scheme, setScheme] = useState<MarkingScheme>(markingScheme(brief.marking));
  const [caveats, setCaveats] = useState(splitClassification(brief.marking).caveats);
  const [error, setError] = useState<string | null>(null);
  const titleRef = useRef(title);
  titleRef.current = title;
  const titleInput = useRef<HTMLInputElement>(null);

  const markingRef = useRef(marking);
  markingRef.current = marking;
  // Local saves in flight, and a counter of local saves: an answer about the brief that was
  // asked for before (or during) a local save may be older than what is on screen.
  const localSaves = useRef({ pending: 0, seq: 0 });
  const track = <T,>(request: Promise<T>): Promise<T> => {
    localSaves.current.pending += 1;
    localSaves.current.seq += 1;
    return request.finally(() => {
      localSaves.current.pending -= 1;
    });
  };

  // Renamed or re-marked elsewhere (the brief list, another window): show it, unless the
  // analyst is typing a title right now or has a change of their own on the way.
  useEffect(
    () =>
      onLibraryChange((_parts, cause) => {
        if (cause !== 'briefs.update' && cause !== 'library.changed') return;
        const seq = localSaves.current.seq;
        invoke('briefs.list', { includeDeleted: true }).then(
          (list) => {
            const summary = list.find((b) => b.id === brief.id);
            if (!summary || localSaves.current.pending > 0 || localSaves.current.seq !== seq) return;
            if (summary.title !== savedTitle.current && document.activeElement !== titleInput.current) {
              savedTitle.current = summary.title;
              setTitle(summary.title);
            }
            if (summary.marking !== markingRef.current) {
              setMarking(summary.marking);
              setScheme(markingScheme(summary.marking));
              setCaveats(splitClassification(summary.marking).caveats);
            }
          },
          () => {},
        );
      }),
    [brief.id],
  );

  const saveTitle = (value: string) => {
    const next = value.trim();
    if (next === savedTitle.current) return;
    if (next === '') {
      setError('A brief needs a title.');
      return;
    }
    savedTitle.current = next;
    track(invoke('briefs.update', { briefId: brief.id, title: next })).then(
      () => setError(null),
      (e: unknown) => setError(describeError(e).message),
    );
  };

  // Debounced save while typing; the unmount flush keeps a title typed just before closing.
  useEffect(() => {
    const timer = setTimeout(() => saveTitle(title), TITLE_SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [title]);
  useEffect(
    () => () => {
      const next = titleRef.current.trim();
      if (next !== '' && next !== savedTitle.current)
        void invoke('briefs.update', { briefId: brief.id, title: next }).catch(() => {});
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  const saveMarking = (next: string) => {
    if (!isValidMarking(next)) {
      setError('Caveats are capital letters, digits and spaces, separated by // (e.g. NOFORN//REL TO USA).');
      return;
    }
    setError(null);
    if (next === marking) return;
    const previous = marking;
    setMarking(next);
    track(invoke('briefs.update', { briefId: brief.id, marking: next })).catch((e: unknown) => {
      setMarking(previous);
      setError(describeError(e).message);
    });
  };

  const classification = splitClassification(marking);
  const onScheme = (next: MarkingScheme) => {
    setScheme(next);
    if (next === 'none') saveMarking('');
    else if (next === 'tlp') saveMarking(markingScheme(marking) === 'tlp' ? marking : 'TLP:AMBER');
    else saveMarking(markingScheme(marking) === 'classification' ? marking : 'UNCLASSIFIED');
  };
  const classificationOf = (level: Level, caveatText: string) => {
    const parts = caveatText
      .split('//')
      .map((c) => c.trim())
      .filter(Boolean);
    return [level, ...parts].join('//');
  };

  return (
    <header className="be-header">
      {marking !== '' && (
        <div
          className={`be-marking-banner be-marking-banner--${markingTone(marking)}`}
          aria-label={`Handling marking: ${marking}`}
        >
          {marking}
        </div>
      )}
      <input
        ref={titleInput}
        className="be-title"
        aria-label="Brief title"
        value={title}
        readOnly={!editable}
        maxLength={300}
        placeholder="Untitled brief"
        onChange={(e) => setTitle(e.target.value)}
        onBlur={() => {
          saveTitle(title);
          if (title.trim() === '') setTitle(savedTitle.current);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || (e.key === 'ArrowDown' && !e.shiftKey)) {
            e.preventDefault();
            saveTitle(title);
            onEnterBody();
          }
        }}
      />
      <div className="be-marking" role="group" aria-labelledby={`${ids}-marking`}>
        <span id={`${ids}-marking`} className="be-marking__label">
          Marking
        </span>
        <select
          aria-label="Marking scheme"
          value={scheme}
          disabled={!editable}
          onChange={(e) => onScheme(e.target.value as MarkingScheme)}
        >
          <option value="none">None</option>
          <option value="tlp">Traffic Light Protocol</option>
          <option value="classification">Classification</option>
        </select>
        {scheme === 'tlp' && (
          <select
            aria-label="TLP label"
            value={marking}
            disabled={!editable}
            onChange={(e) => saveMarking(e.target.value)}
          >
            {TLP_MARKINGS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        )}
        {scheme === 'classification' && (
          <>
            <select
              aria-label="Classification level"
              value={classification.level}
              disabled={!editable}
              onChange={(e) => saveMarking(classificationOf(e.target.value as Level, caveats))}
            >
              {CLASSIFICATION_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
            <input
              className="be-marking__caveats"
              aria-label="Caveats, separated by //"
              placeholder="Caveats, e.g. NOFORN"
              value={caveats}
              readOnly={!editable}
              onChange={(e) => setCaveats(e.target.value.toUpperCase())}
              onBlur={() => saveMarking(classificationOf(classification.level, caveats))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') saveMarking(classificationOf(classification.level, caveats));
              }}
            />
          </>
        )}
      </div>
      {error && (
        <p className="be-header__error" role="alert">
          {error}
        </p>
      )}
    </header>
  );
}
