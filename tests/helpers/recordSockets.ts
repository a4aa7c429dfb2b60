// The offline guarantee at run time, for the code that is the main process (services, export,
// import with jsdom and friends, which the e2e harness runs in the test process): every attempt
// of this process to open a socket, listen, send a datagram or look up a name is recorded while
// a flow runs, whoever makes it — our code or any dependency. A spec asserts the list is empty.
// (Playwright talks to Chromium over pipes made at spawn time, never through these calls.)
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

export interface SocketRecorder {
  /** One line per attempt, e.g. "connect example.org:443", "lookup example.org", "listen 0.0.0.0:8080". */
  readonly attempts: readonly string[];
  stop: () => void;
}

function describeTarget(args: unknown[]): string {
  // net.connect() hands Socket#connect its arguments already normalized, as one array.
  if (Array.isArray(args[0])) return describeTarget(args[0]);
  const [first, second] = args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; port?: number; path?: string };
    return options.path !== undefined
      ? `pipe ${options.path}`
      : `${options.host ?? 'localhost'}:${options.port ?? '?'}`;
  }
  if (typeof first === 'string' && typeof second !== 'string' && !/^\d+$/.test(first)) return `pipe ${first}`;
  return `${typeof second === 'string' ? second : 'localhost'}:${String(first)}`;
}

export function recordSockets(): SocketRecorder {
  const attempts: string[] = [];
  const restores: Array<() => void> = [];
  const wrap = <T extends object, K extends keyof T>(target: T, key: K, describe: (args: unknown[]) => string) => {
    const original = target[key] as unknown as (...args: unknown[]) => unknown;
    (target as Record<K, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
      attempts.push(describe(args));
      return original.apply(this, args);
    };
    restores.push(() => ((target as Record<K, unknown>)[key] = original));
  };

  wrap(net.Socket.prototype, 'connect', (args) => `connect ${describeTarget(args)}`);
  wrap(net.Server.prototype, 'listen', (args) => `listen ${describeTarget(args)}`);
  wrap(dgram.Socket.prototype, 'send', () => 'udp send');
  wrap(dgram.Socket.prototype, 'bind', () => 'udp bind');
  wrap(dns, 'lookup', (args) => `lookup ${String(args[0])}`);
  wrap(dns, 'resolve', (args) => `resolve ${String(args[0])}`);
  wrap(dns.promises, 'lookup', (args) => `lookup ${String(args[0])}`);
  wrap(dns.promises, 'resolve', (args) => `resolve ${String(args[0])}`);

  return {
    attempts,
    stop: () =>
      restores
        .splice(0)
        .reverse()
        .forEach((restore) => restore()),
  };
}
