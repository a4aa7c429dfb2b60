// A local HTTP server that records every request it gets: a test points hostile documents at it
// and asserts the list stays empty (nothing was fetched), without any real network.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TrapServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The path of every request received, in order. */
  requests: string[];
  close: () => Promise<void>;
}

export async function startTrapServer(body: string): Promise<TrapServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
