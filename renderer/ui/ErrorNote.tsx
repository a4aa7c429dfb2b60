// An error shown in place of content that failed to load, with a way to try again.
import type { AppError } from '../../shared/api/errors';

export function ErrorNote({ error, onRetry }: { error: AppError; onRetry?: () => void }) {
  return (
    <div className="error-note" role="alert">
      <p>
        <span className="error-note__code">{error.code}</span> {error.message}
      </p>
      {onRetry && (
        <button type="button" className="button button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
