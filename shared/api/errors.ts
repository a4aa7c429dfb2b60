// Every failure that crosses the process boundary is an AppError: a stable code for programs
// and a sentence for people. Stack traces never leave the process that threw.

export const ERROR_CODES = [
  'INVALID_INPUT', // the request does not match the contract (bad shape, value outside a vocabulary)
  'NOT_FOUND', // an id that does not exist (or was deleted)
  'CONFLICT', // the request contradicts the library's state (e.g. quote not in the source)
  'UNSUPPORTED_FILE', // a file that cannot be imported (binary, unknown encoding, empty)
  'TOO_LARGE', // over a documented size limit
  'DATABASE_NEWER', // the library was written by a newer version of the app
  'DATABASE_CORRUPT', // the library file is damaged
  'NOT_AVAILABLE', // a feature that is not available in this build or environment
  'INTERNAL', // a bug: logged in full where it happened, reported in one sentence
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The JSON shape of an error on the wire. */
export interface AppErrorPayload {
  code: ErrorCode;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
  toJSON(): AppErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isAppErrorPayload(value: unknown): value is AppErrorPayload {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppErrorPayload).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as AppErrorPayload).code) &&
    typeof (value as AppErrorPayload).message === 'string'
  );
}
