// The one typed contract of the process boundary: every method, its input and output schema.
// Each feature declares its own part next to its schemas; this file only combines them.
import type { z } from 'zod';
import { briefsApi } from './briefs';
import { claimsApi } from './claims';
import { libraryApi } from './library';
import { EVENTS, METHOD_NAMES, type AppEvent, type MethodName } from './methods';
import { sourcesApi } from './sources';

export { EVENTS, type AppEvent };

export const api = { ...libraryApi, ...sourcesApi, ...claimsApi, ...briefsApi } as const;

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

/** What each transport (IPC, the browser harness, the CLI) calls. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/** The function every transport exposes to the renderer as `window.briefing.invoke`. */
export type Invoke = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

export { isMethodName as isMethod } from './methods';

/** The shape of `window.briefing`, identical in the Electron preload and the browser harness. */
export interface BriefingBridge {
  invoke: Invoke;
  on(event: AppEvent, listener: (payload: unknown) => void): () => void;
}
