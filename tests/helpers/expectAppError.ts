// Asserts that a call failed with the AppError a user would see: its code, and optionally its sentence.
import { expect } from 'vitest';
import { AppError } from '../../shared/api/errors';

export async function expectAppError(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
}
