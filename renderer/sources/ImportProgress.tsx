// Progress of file imports: reading each file (measured), then the library's import
// (indeterminate). A large batch shows its first few files and a count of the rest.
import type { ImportJob } from './useSourceImport';

const SHOWN = 3;

export function ImportProgress({ jobs }: { jobs: readonly ImportJob[] }) {
  if (jobs.length === 0) return null;
  const pending = jobs.filter((j) => j.phase === 'queued' || j.phase === 'reading' || j.phase === 'importing');
  const shown = [...pending, ...jobs.filter((j) => !pending.includes(j))].slice(0, SHOWN);
  const rest = jobs.length - shown.length;
  return (
    <div className="import-progress">
      <ul aria-label="Imports in progress">
        {shown.map((job) => (
          <li key={job.id} className={`import-progress__item import-progress__item--${job.phase}`}>
            <span className="import-progress__name" dir="auto">
              {job.name}
            </span>
            <span className="import-progress__phase">{PHASES[job.phase]}</span>
            {job.phase === 'reading' ? (
              <progress max={1} value={job.progress} aria-label={`Reading ${job.name}`} />
            ) : job.phase === 'importing' ? (
              <progress aria-label={`Importing ${job.name}`} />
            ) : null}
          </li>
        ))}
      </ul>
      {rest > 0 && (
        <p className="import-progress__more">{`and ${rest} more ${rest === 1 ? 'file' : 'files'} (${pending.length} still to import)`}</p>
      )}
    </div>
  );
}

const PHASES: Record<ImportJob['phase'], string> = {
  queued: 'Waiting…',
  reading: 'Reading…',
  importing: 'Importing…',
  done: 'Imported',
  failed: 'Failed',
};
