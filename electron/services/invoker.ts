// The one way into a handler table, whichever table it is (the open library's, or the library
// file's for the methods that work without opening it): the method looked up by name, its input
// parsed with the contract's schema for the caller, and every failure turned into an AppError.
import type { z } from 'zod';
import {
  inputSchemaFor,
  isMethod,
  type Handlers,
  type Input,
  type Method,
  type Output,
} from '../../shared/api/contract';
import { AppError, ERROR_CODES, type ErrorCode } from '../../shared/api/errors';
import { describeValidationError } from './validation';

/** Who sends the input: a `page` (the app's window) is held to the method's page schema, which refuses file paths. */
export type Caller = 'page' | 'trusted';

export interface Invoker<M extends Method> {
  /** Validates input against the contract, runs the handler, and turns every failure into an AppError. */
  invoke: <N extends M>(method: N, input: Input<N>) => Promise<Output<N>>;
  /** As `invoke`, for input of unknown shape; `trusted` (the CLI, the main process) gets the full input. */
  invokeUnknown: (method: unknown, input: unknown, caller?: Caller) => Promise<unknown>;
}

/**
 * INVALID_INPUT with the first problem, unless the failed check names the code it stands for
 * (`params.appErrorCode`, e.g. TOO_LARGE for an oversize document); its message then speaks for itself.
 */
function inputError(error: z.ZodError): AppError {
  const issue = error.issues[0];
  const code: unknown = issue?.code === 'custom' ? issue.params?.appErrorCode : undefined;
  if (issue && (ERROR_CODES as readonly unknown[]).includes(code))
    return new AppError(code as ErrorCode, issue.message);
  return new AppError('INVALID_INPUT', describeValidationError(error));
}

/**
 * Calls into `handlers`. A contract method the table does not hold is NOT_AVAILABLE with
 * `unavailable`'s sentence (the library file's table holds only what works unopened).
 */
export function createInvoker<M extends Method>(
  handlers: Pick<Handlers, M>,
  options: { logError: (error: unknown) => void; unavailable?: (method: Method) => string },
): Invoker<M> {
  async function invokeUnknown(method: unknown, input: unknown, caller: Caller = 'trusted'): Promise<unknown> {
    if (!isMethod(method))
      throw new AppError('INVALID_INPUT', `There is no method called ${JSON.stringify(String(method)).slice(0, 80)}.`);
    if (!Object.hasOwn(handlers, method))
      throw new AppError('NOT_AVAILABLE', options.unavailable?.(method) ?? `${method} is not available here.`);
    const parsed = inputSchemaFor(method, caller).safeParse(input ?? {});
    if (!parsed.success) throw inputError(parsed.error);
    try {
      const handler = (handlers as Partial<Record<Method, (input: unknown) => unknown>>)[method]!;
      return await handler(parsed.data);
    } catch (error) {
      if (error instanceof AppError) throw error;
      options.logError(error);
      throw new AppError(
        'INTERNAL',
        `Something went wrong while running ${method}; nothing was changed. (${(error as Error)?.message ?? String(error)})`,
      );
    }
  }
  return {
    invoke: (method, input) => invokeUnknown(method, input) as Promise<never>,
    invokeUnknown,
  };
}
