// The one place an e2e spec gets its app from: `const app = useApp()` inside a describe launches
// the app on a fresh library file before the describe's tests and closes it, with its temp
// folder, after them. Each spec keeps only what is its own (seeding, what it records) in hooks of
// its own, registered after useApp: vitest runs beforeAll hooks in the order they are registered
// and afterAll hooks in reverse, so a spec's hooks see the app launched and still open.
import { afterAll, beforeAll } from 'vitest';
import { startApp, type StartedApp } from './support';
import type { LaunchOptions } from './harness';

export interface UseAppOptions<Extra extends object> extends Omit<LaunchOptions, 'dbPath'> {
  /**
   * Runs right after the launch, before any other hook of the describe; what it returns is added
   * to the app (for what a spec records from the moment the page is up). If it throws, the app
   * is closed at once.
   */
  setup?: (app: StartedApp) => Extra | Promise<Extra>;
}

/**
 * Launches the app for the enclosing describe (beforeAll) and closes it after (afterAll). The
 * returned object stands for that app: read it in tests and in hooks registered after this
 * call, never at collection time (the app does not exist yet, and the access throws).
 */
export function useApp<Extra extends object = Record<never, never>>(
  options: UseAppOptions<Extra> = {},
): StartedApp & Extra {
  const { setup, ...launchOptions } = options;
  let launching: Promise<StartedApp & Extra> | undefined;
  let current: (StartedApp & Extra) | undefined;

  const launch = async (): Promise<StartedApp & Extra> => {
    // startApp removes its temp folder itself when the launch fails.
    const app = await startApp(launchOptions);
    try {
      const extra = setup ? await setup(app) : ({} as Extra);
      return Object.assign(app, extra);
    } catch (error) {
      await app.stop();
      throw error;
    }
  };

  beforeAll(async () => {
    launching = launch();
    current = await launching;
  });
  afterAll(async () => {
    const pending = launching;
    launching = current = undefined;
    // Awaiting the launch itself, not `current`: a launch that outlived the hook's timeout has no
    // `current` yet, and would otherwise leave its browser running once it finished. One that
    // failed has already cleaned up after itself.
    const app = await pending?.catch(() => undefined);
    current = undefined;
    await app?.stop();
  });

  const running = (): StartedApp & Extra => {
    if (!current) {
      throw new Error(
        'The app is not running: useApp() launches it in beforeAll and closes it in afterAll, so use it only in tests and in hooks registered after useApp().',
      );
    }
    return current;
  };
  // A stand-in for whichever app is running, so that specs can hold it in a const.
  return new Proxy({} as StartedApp & Extra, {
    get: (_, key) => Reflect.get(running(), key),
    set: (_, key, value) => Reflect.set(running(), key, value),
    has: (_, key) => Reflect.has(running(), key),
    ownKeys: () => Reflect.ownKeys(running()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(running(), key),
  });
}
