// The envelope every transport uses to carry a result or an AppError across a process or
// page boundary. IPC and Playwright bindings both lose an Error's fields in transit, so the
// handler side wraps and the renderer side unwraps.
import { AppError, isAppErrorPayload, type AppErrorPayload } from './errors';

export type InvokeEnvelope = { ok: true; value: unknown } | { ok: false; error: AppErrorPayload };

/** Runs an invocation on the handler side and wraps its outcome; never rejects. */
export async function toEnvelope(run: () => unknown): Promise<InvokeEnvelope> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toJSON() };
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed.' } };
  }
}

/** Unwraps an envelope on the renderer side: the value, or a thrown AppError with its code. */
export function fromEnvelope(envelope: unknown): unknown {
  const e = envelope as InvokeEnvelope;
  if (e && e.ok === true) return e.value;
  if (e && e.ok === false && isAppErrorPayload(e.error)) throw new AppError(e.error.code, e.error.message);
  throw new AppError('INTERNAL', 'The app returned an answer it could not read.');
}
