// The one typed contract of the process boundary: every method, its input and output schema.
// Each feature declares its own part next to its schemas; this file only combines them.
import type { z } from 'zod';
import { briefsApi } from './briefs';
import { citationsApi } from './citations';
import { claimsApi } from './claims';
import { libraryApi } from './library';
import type { LibraryPart } from './method';
import { EVENTS, METHOD_NAMES, type AppEvent, type MethodName } from './methods';
import { sourcesApi } from './sources';

export { EVENTS, type AppEvent };
export { LIBRARY_PARTS, type LibraryPart } from './method';

export const api = { ...libraryApi, ...sourcesApi, ...claimsApi, ...citationsApi, ...briefsApi } as const;

export type Api = typeof api;
export type Method = keyof Api;
export const METHODS: readonly Method[] = METHOD_NAMES;

// METHOD_NAMES (the schema-free list the preload uses) must name exactly the methods of `api`:
// a method missing from either side fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const methodNamesMatchApi: Same<Method, MethodName> = true;
void methodNamesMatchApi;

export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

/** The schema a page's input is parsed with: the method's `pageInput` if it declares one, else its full input. */
type PageInputSchema<M extends Method> = Api[M] extends { pageInput: infer P extends z.ZodType } ? P : Api[M]['input'];
/** What the app's window may send (no file paths). */
export type PageInput<M extends Method> = z.input<PageInputSchema<M>>;

/** The schema to parse input with, by who sent it: a page gets the narrower page schema. */
export function inputSchemaFor(method: Method, caller: 'page' | 'trusted'): z.ZodType {
  const spec: { input: z.ZodType; pageInput?: z.ZodType } = api[method];
  return caller === 'page' && spec.pageInput ? spec.pageInput : spec.input;
}

/** What a successful call of `method` makes stale. */
export function writesOf(method: Method): readonly LibraryPart[] {
  return api[method].writes;
}

// A page's parsed input must be something the handler accepts: a `pageInput` that parses to
// another shape fails to compile here (the error names the method).
type MethodsWhosePageInputMisfits = {
  [M in Method]: z.output<PageInputSchema<M>> extends ParsedInput<M> ? never : M;
}[Method];
const pageInputsFitHandlers: Same<MethodsWhosePageInputMisfits, never> = true;
void pageInputsFitHandlers;

/** What each transport (IPC, the browser harness, the CLI) calls. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/** The function every transport exposes to the renderer as `window.briefing.invoke`. */
export type Invoke = <M extends Method>(method: M, input: PageInput<M>) => Promise<Output<M>>;

export { isMethodName as isMethod } from './methods';

/** The shape of `window.briefing`, identical in the Electron preload and the browser harness. */
export interface BriefingBridge {
  invoke: Invoke;
  on: (event: AppEvent, listener: (payload: unknown) => void) => () => void;
}
