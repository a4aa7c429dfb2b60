// Tags as removable chips with a text field: Enter or comma adds, Backspace in an empty field
// removes the last one. Suggestions come from the tags already in the library.
import { useId, useState } from 'react';
import { tagSchema } from '../../shared/api/claims';

export function TagInput({
  tags,
  suggestions,
  onChange,
  labelId,
}: {
  tags: readonly string[];
  suggestions: readonly string[];
  onChange: (tags: string[]) => void;
  labelId: string;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const listId = useId();

  /** Adds `raw` as a tag; false (with a message) when it is not a valid tag. */
  const commit = (raw: string): boolean => {
    if (!raw.trim()) return true;
    const parsed = tagSchema.safeParse(raw);
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? 'Not a valid tag.');
      return false;
    }
    if (!tags.includes(parsed.data)) onChange([...tags, parsed.data]);
    setError(null);
    return true;
  };
  const add = () => commit(text) && setText('');

  return (
    <div className="tag-input">
      <ul className="tag-input__chips" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="chip">
            <span dir="auto">{tag}</span>
            <button
              type="button"
              className="chip__remove"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        className="input input--small tag-input__field"
        aria-labelledby={labelId}
        aria-invalid={error ? true : undefined}
        placeholder={tags.length ? 'Add tag' : 'Add tags, e.g. shipping'}
        list={listId}
        dir="auto"
        value={text}
        onChange={(e) => {
          setError(null);
          const value = e.target.value;
          // Typing a comma finishes the tag before it.
          if (value.endsWith(',')) setText(commit(value.slice(0, -1)) ? '' : value.slice(0, -1));
          else setText(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Backspace' && text === '' && tags.length > 0) {
            onChange(tags.slice(0, -1));
          }
        }}
        onBlur={add}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !tags.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      {error && <span className="field__error">{error}</span>}
    </div>
  );
}
