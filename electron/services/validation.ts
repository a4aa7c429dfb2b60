// Turning a schema failure into one sentence a person can act on.
import type { z } from 'zod';

/** The first problem of a failed parse, prefixed with where it is (e.g. "citations.0.stance: …"). */
export function describeValidationError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  const more =
    error.issues.length > 1
      ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})`
      : '';
  return `${where}${issue.message}${more}`;
}
