// Likelihood: the ICD 203 estimative terms, grouped by row, each with its probability band.
import { LIKELIHOOD_BANDS, LIKELIHOOD_ROWS, type LikelihoodTerm } from '../../shared/tradecraft/vocabularies';

export function LikelihoodSelect({
  id,
  value,
  onChange,
  emptyLabel = 'None',
  small,
}: {
  id?: string;
  small?: boolean;
  value: LikelihoodTerm | null;
  onChange: (value: LikelihoodTerm | null) => void;
  emptyLabel?: string;
}) {
  return (
    <select
      id={id}
      className={small ? 'input input--small' : 'input'}
      value={value ?? ''}
      onChange={(e) => onChange((e.target.value || null) as LikelihoodTerm | null)}
    >
      <option value="">{emptyLabel}</option>
      {([1, 2] as const).map((row) => (
        <optgroup key={row} label={`ICD 203 row ${row}`}>
          {LIKELIHOOD_ROWS[row].map((term, index) => (
            <option key={term} value={term}>
              {`${term} (${LIKELIHOOD_BANDS[index]})`}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
