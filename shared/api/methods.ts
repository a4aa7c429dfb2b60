// The names of the contract's methods and events, with no schemas attached. The sandboxed
// preload checks names against these lists; importing contract.ts there would bundle zod and
// every schema into the preload (about 0.8 MB) just to answer "is this a method?". The
// schemas are still applied where the input is parsed: in the main process.
// contract.ts proves at compile time that METHOD_NAMES lists exactly the methods of `api`.

export const METHOD_NAMES = [
  'library.info',
  'library.backup',
  'library.backups',
  'library.restore',
  'sources.import',
  'sources.list',
  'sources.get',
  'sources.update',
  'sources.versions',
  'claims.create',
  'claims.update',
  'claims.get',
  'claims.getMany',
  'claims.search',
  'claims.revisions',
  'claims.usedIn',
  'claims.tags',
  'citations.attach',
  'citations.detach',
  'citations.update',
  'citations.get',
  'citations.forSource',
  'briefs.create',
  'briefs.list',
  'briefs.get',
  'briefs.update',
  'briefs.save',
  'briefs.append',
  'briefs.delete',
  'briefs.restore',
  'briefs.check',
  'briefs.preflight',
  'briefs.exportPdf',
  'briefs.showExportedPdf',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHOD_NAMES as readonly string[]).includes(name);
}

/** Events the main process may push to the renderer; the preload subscribes to these only. */
export const EVENTS = ['library.changed', 'menu.command'] as const;
export type AppEvent = (typeof EVENTS)[number];

export function isAppEvent(name: unknown): name is AppEvent {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}
