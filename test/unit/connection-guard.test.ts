import http from 'node:http';
import net from 'node:net';
import { AddressInfo } from 'node:net';
import { addressKey, ConnectionCut, ConnectionGuard, SWEEP_MS } from '../../src/http/connection-guard';

/** A plain HTTP server with the guard, answering with `handler`; what the guard cut is kept in `cuts`. */
async function guarded(limits: Partial<ConstructorParameters<typeof ConnectionGuard>[1]>, handler: http.RequestListener) {
  const server = http.createServer(handler);
  const cuts: ConnectionCut[] = [];
  new ConnectionGuard(server, { maxConnections: 0, maxPerAddress: 0, idleMs: 60_000, sendMs: 60_000, ...limits }, (reason) => cuts.push(reason));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const connect = () =>
    new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
      socket.once('error', reject);
    });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { cuts, connect, close };
}

/** Milliseconds until the server closes the socket (fails past `withinMs`). */
function closedAfter(socket: net.Socket, withinMs: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    socket.on('error', () => undefined);
    const timer = setTimeout(() => reject(new Error(`still open after ${withinMs} ms`)), withinMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(performance.now() - started);
    });
  });
}

describe('the connection guard', () => {
  it('closes a connection whose client reads none of its answer, once the send limit has passed', async () => {
    const big = Buffer.alloc(64 * 2 ** 20, 'x');
    const { cuts, connect, close } = await guarded({ sendMs: 800 }, (_req, res) => res.end(big));
    try {
      const socket = await connect();
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      // Not read: the kernel's buffers fill, and the rest of the answer waits in the server.
      socket.pause();
      const started = performance.now();
      while (!cuts.length && performance.now() - started < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
      const ms = performance.now() - started;
      expect(cuts).toEqual(['unsent']);
      expect(ms).toBeGreaterThanOrEqual(800);
      expect(ms).toBeLessThan(800 + 2 * SWEEP_MS + 500);
      // A paused socket sees its end only once it reads what came before: less than the whole answer.
      let received = 0;
      socket.on('data', (chunk: Buffer) => (received += chunk.length));
      socket.resume();
      await closedAfter(socket, 5000);
      expect(received).toBeLessThan(big.length);
    } finally {
      await close();
    }
  });

  it('leaves a client that reads its answer alone, however long the answer', async () => {
    const big = Buffer.alloc(16 * 2 ** 20, 'x');
    const { cuts, connect, close } = await guarded({ sendMs: 800, idleMs: 5000 }, (_req, res) => res.end(big));
    try {
      const socket = await connect();
      let received = 0;
      const whole = new Promise<void>((resolve) =>
        socket.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received >= big.length) resolve();
        }),
      );
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      await whole;
      socket.destroy();
      expect(cuts).toEqual([]);
    } finally {
      await close();
    }
  });

  it('leaves a client that takes its answer steadily alone past the send limit', async () => {
    const big = Buffer.alloc(64 * 2 ** 20, 'x');
    const { cuts, connect, close } = await guarded({ sendMs: 1000 }, (_req, res) => res.end(big));
    try {
      const socket = await connect();
      socket.pause();
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      // 512 KB every 100 ms (about 5 MB/s) for three times the limit: far from the whole answer when it has passed.
      let quota = 0;
      socket.on('data', (chunk: Buffer) => {
        quota -= chunk.length;
        if (quota <= 0) socket.pause();
      });
      let received = 0;
      const started = performance.now();
      while (performance.now() - started < 3 * 1000) {
        quota = 512 * 1024;
        socket.resume();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      received = socket.bytesRead;
      expect(received).toBeLessThan(big.length / 2);
      expect(socket.destroyed).toBe(false);
      expect(cuts).toEqual([]);
      socket.destroy();
    } finally {
      await close();
    }
  });

  it('closes a connection with no request under way once the idle limit passes, whatever bytes it sends', async () => {
    const { cuts, connect, close } = await guarded({ idleMs: 800 }, (_req, res) => res.end('ok'));
    try {
      const socket = await connect();
      socket.resume();
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      // Blank lines before a request: Node skips them, and each restarts its keep-alive timer.
      const blank = setInterval(() => socket.writable && socket.write('\r\n'), 100);
      const ms = await closedAfter(socket, 5000).finally(() => clearInterval(blank));
      expect(ms).toBeLessThan(800 + 2 * SWEEP_MS + 500);
      expect(cuts).toEqual(['idle']);
    } finally {
      await close();
    }
  });

  it('closes a connection whose answered request goes on sending a body nobody reads, once the idle limit passes', async () => {
    const { cuts, connect, close } = await guarded({ idleMs: 800 }, (_req, res) => {
      res.statusCode = 404;
      res.end('nothing here');
    });
    try {
      const socket = await connect();
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.write('POST /elsewhere HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n');
      const trickle = setInterval(() => socket.writable && socket.write('a'), 100);
      const ms = await closedAfter(socket, 5000).finally(() => clearInterval(trickle));
      expect(answer).toMatch(/^HTTP\/1\.1 404/);
      expect(ms).toBeLessThan(800 + 2 * SWEEP_MS + 500);
      expect(cuts).toEqual(['idle']);
    } finally {
      await close();
    }
  });

  it('counts a request under way as use: a slow answer is not idle', async () => {
    const { cuts, connect, close } = await guarded({ idleMs: 300 }, (_req, res) => setTimeout(() => res.end('late'), 1200));
    try {
      const socket = await connect();
      const answer = new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      expect(await answer).toMatch(/late$/);
      socket.destroy();
      expect(cuts).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the address a client is counted under', () => {
  it('is an IPv4 address as it is, an IPv4-mapped one as IPv4, and an IPv6 one as its /64', () => {
    expect(addressKey('10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::6')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1')).not.toBe(addressKey('fe81::1'));
  });
});
