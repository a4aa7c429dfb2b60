// The one typed contract of the process boundary: every method, its input and output schema.
// Each feature declares its own part next to its schemas; this file only combines them.
import type { z } from 'zod';
import { briefsApi } from './briefs';
import { claimsApi } from './claims';
import { libraryApi } from './library';
import { sourcesApi } from './sources';

export const api = { ...libraryApi, ...sourcesApi, ...claimsApi, ...briefsApi } as const;

export type Api = typeof api;
export type Method = keyof Api;
export const METHODS = Object.keys(api) as Method[];

export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

/** What each transport (IPC, the browser harness, the CLI) calls. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

/** The function every transport exposes to the renderer as `window.briefing.invoke`. */
export type Invoke = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

/** Events the main process may push to the renderer; the preload subscribes to these only. */
export const EVENTS = ['library.changed', 'menu.command'] as const;
export type AppEvent = (typeof EVENTS)[number];

/** The shape of `window.briefing`, identical in the Electron preload and the browser harness. */
export interface BriefingBridge {
  invoke: Invoke;
  on(event: AppEvent, listener: (payload: unknown) => void): () => void;
}
