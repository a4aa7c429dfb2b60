// A brief's handling marking, from the closed lists of tradecraft.md: none, a TLP 2.0 label,
// or a classification level with optional caveats (e.g. SECRET//NOFORN).
import { useId, useState } from 'react';
import {
  CLASSIFICATION_LEVELS,
  markingScheme,
  TLP_MARKINGS,
  type MarkingScheme,
} from '../../shared/tradecraft/vocabularies';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { MarkingBadge } from '../ui/tradecraft';

const SCHEMES = [
  { value: 'none', label: 'None' },
  { value: 'tlp', label: 'TLP', title: 'Traffic Light Protocol 2.0' },
  { value: 'classification', label: 'Classification', title: 'Government classification banner' },
] as const;

function split(marking: string): { tlp: string; level: string; caveats: string } {
  if (markingScheme(marking) === 'tlp') return { tlp: marking, level: 'UNCLASSIFIED', caveats: '' };
  if (markingScheme(marking) === 'classification') {
    const [level, ...caveats] = marking.split('//');
    return { tlp: 'TLP:AMBER', level: level ?? 'UNCLASSIFIED', caveats: caveats.join('//') };
  }
  return { tlp: 'TLP:AMBER', level: 'UNCLASSIFIED', caveats: '' };
}

/** The marking string for the picked parts; caveats are upper-cased and joined with `//`. */
export function composeMarking(scheme: MarkingScheme, parts: { tlp: string; level: string; caveats: string }): string {
  if (scheme === 'none') return '';
  if (scheme === 'tlp') return parts.tlp;
  const caveats = parts.caveats
    .toUpperCase()
    .split('//')
    .map((c) => c.trim())
    .filter(Boolean);
  return [parts.level, ...caveats].join('//');
}

export function MarkingPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (marking: string) => void;
  error?: string | null;
}) {
  const [scheme, setScheme] = useState<MarkingScheme>(markingScheme(value));
  const [parts, setParts] = useState(() => split(value));
  const ids = { tlp: useId(), level: useId(), caveats: useId() };

  const update = (nextScheme: MarkingScheme, nextParts: typeof parts) => {
    setScheme(nextScheme);
    setParts(nextParts);
    onChange(composeMarking(nextScheme, nextParts));
  };

  return (
    <div className="marking-picker">
      <ChoiceGroup legend="Marking" value={scheme} options={SCHEMES} onChange={(s) => update(s, parts)} />
      {scheme === 'tlp' && (
        <div className="field">
          <label className="field__label" htmlFor={ids.tlp}>
            TLP label
          </label>
          <select
            id={ids.tlp}
            className="input"
            value={parts.tlp}
            onChange={(e) => update(scheme, { ...parts, tlp: e.target.value })}
          >
            {TLP_MARKINGS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      )}
      {scheme === 'classification' && (
        <div className="form-row">
          <div className="field">
            <label className="field__label" htmlFor={ids.level}>
              Level
            </label>
            <select
              id={ids.level}
              className="input"
              value={parts.level}
              onChange={(e) => update(scheme, { ...parts, level: e.target.value })}
            >
              {CLASSIFICATION_LEVELS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--grow">
            <label className="field__label" htmlFor={ids.caveats}>
              Caveats
            </label>
            <input
              id={ids.caveats}
              className="input marking-picker__caveats"
              value={parts.caveats}
              placeholder="e.g. NOFORN"
              aria-describedby={`${ids.caveats}-hint`}
              onChange={(e) => update(scheme, { ...parts, caveats: e.target.value })}
            />
            <span id={`${ids.caveats}-hint`} className="field__hint">
              Separate several with //
            </span>
          </div>
        </div>
      )}
      {scheme !== 'none' && (
        <p className="marking-picker__preview">
          Banner: <MarkingBadge marking={composeMarking(scheme, parts)} />
        </p>
      )}
      {error && <span className="field__error">{error}</span>}
    </div>
  );
}
