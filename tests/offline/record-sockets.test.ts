// The socket recorder the e2e specs use must itself see a connection, a listener and a name
// lookup — else "no attempts" would prove nothing.
import dns from 'node:dns';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { recordSockets } from '../helpers/recordSockets';

describe('recordSockets', () => {
  it('records a listen, a connect and a lookup, and stops recording when stopped', async () => {
    const recorder = recordSockets();
    try {
      const server = net.createServer((socket) => socket.end());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as net.AddressInfo;
      await new Promise<void>((resolve, reject) =>
        net
          .connect(port, '127.0.0.1', resolve)
          .on('error', reject)
          .on('connect', function (this: net.Socket) {
            this.destroy();
          }),
      );
      await dns.promises.lookup('localhost').catch(() => undefined);
      server.close();
      expect(recorder.attempts).toContain('listen 127.0.0.1:0');
      expect(recorder.attempts).toContain(`connect 127.0.0.1:${port}`);
      expect(recorder.attempts).toContain('lookup localhost');
    } finally {
      recorder.stop();
    }
    const before = recorder.attempts.length;
    await dns.promises.lookup('localhost').catch(() => undefined);
    expect(recorder.attempts).toHaveLength(before);
  });
});
