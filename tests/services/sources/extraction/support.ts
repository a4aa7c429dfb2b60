// What the extraction tests share: UTF-8 bytes of a text, the AppError a call throws, and a
// jsdom that counts its HTML parses, so a test can prove which inputs never reach jsdom.
import { expect } from 'vitest';
import { AppError } from '../../../../shared/api/errors';

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** The AppError `run` throws (failing the test if it throws nothing or something else). */
export function appErrorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

/** How many HTML documents jsdom has parsed, when the test file mocks jsdom with `countingJsdom`. */
export const domParses = { count: 0 };

/**
 * jsdom with every DOMParser counting into `domParses`. Use it from the test file:
 * `vi.mock('jsdom', async (importOriginal) => (await import('./support')).countingJsdom(await importOriginal()))`.
 */
export function countingJsdom(jsdom: typeof import('jsdom')): typeof import('jsdom') {
  class CountingJSDOM extends jsdom.JSDOM {
    constructor(...args: ConstructorParameters<typeof jsdom.JSDOM>) {
      super(...args);
      const Parser = this.window.DOMParser;
      this.window.DOMParser = class extends Parser {
        override parseFromString(...parseArgs: Parameters<DOMParser['parseFromString']>) {
          domParses.count++;
          return super.parseFromString(...parseArgs);
        }
      };
    }
  }
  return { ...jsdom, JSDOM: CountingJSDOM };
}
