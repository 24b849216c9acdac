import http from 'node:http';
import net from 'node:net';

/** What the server allows a connection: how many it holds at once, and how long one may sit without use. */
export interface ConnectionLimits {
  /** Open connections in all; 0 = no cap. */
  maxConnections: number;
  /** Open connections from one client address (IPv6: one /64); 0 = no cap (behind a proxy every client is the proxy). */
  maxPerAddress: number;
  /** A connection with no request under way is closed once its last request ended (or it opened) this long ago. */
  idleMs: number;
  /**
   * A connection whose client has taken none of its waiting answer for this long is closed, and so is one that,
   * after this long, has taken less than MIN_SEND_BYTES_PER_SECOND on average.
   */
  sendMs: number;
}

/** Why a connection was refused or closed, as counted in /metrics. */
export type ConnectionCut = 'total' | 'address' | 'idle' | 'unsent';

/** A connection past a cap is told why before it is closed; a client that sent nothing yet reads it as the answer. */
const REFUSAL_BODY = (message: string) => `${JSON.stringify({ errors: [{ message, extensions: { code: 'SERVER_BUSY' } }] })}\n`;

/** How long a refused connection may stay to read its answer before it is cut. */
const REFUSED_LINGER_MS = 1000;

/** How often open connections are looked over for the idle and unsent limits. */
export const SWEEP_MS = 500;

/**
 * The slowest a client may take a waiting answer, once it has waited sendMs: 16 KB/s takes the largest answer
 * (8 MiB) in about nine minutes. A client reading a few bytes now and then would otherwise keep the rest in memory.
 */
export const MIN_SEND_BYTES_PER_SECOND = 16 * 1024;

/**
 * The address a client is counted under: IPv4 as it is (IPv4-mapped IPv6 too), IPv6 by its first 64 bits, which
 * one host or network usually holds whole (a host given a /64 could otherwise use a new address per connection).
 */
export function addressKey(address: string): string {
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

interface Held {
  address: string;
  /** Requests read and not yet answered (or abandoned). */
  active: number;
  /** When its last request ended, or it opened. */
  quietSince: number;
  /** Since when its socket has held unsent bytes without a pause; 0 when it holds none. */
  unsentSince: number;
  /** Bytes waiting at the last sweep, when the client last took some, and how many it has taken since unsentSince. */
  waiting: number;
  takenAt: number;
  taken: number;
}

/**
 * Bytes of its answers the socket still holds. Node counts a chunk in `writableLength` until all of it is sent;
 * libuv's queue (the handle's `writeQueueSize`) shrinks as the client takes it, which is what shows progress.
 */
function waitingBytes(socket: net.Socket): number {
  const queued = (socket as unknown as { _handle?: { writeQueueSize?: number } | null })._handle?.writeQueueSize;
  return socket.writableLength === 0 ? 0 : typeof queued === 'number' ? queued : socket.writableLength;
}

/**
 * Caps the connections the server holds open and closes those left unused. Counted from the moment each is
 * accepted until it closes: a connection over a cap never reaches the HTTP parser, and is answered 503 (Node's own
 * `server.maxConnections` only destroys it). Without the caps, a client that opens connections and never finishes a
 * request holds each one until the receive limit, and a few thousand take every file descriptor. Without the sweep,
 * a connection could be held for ever between requests (Node's keep-alive timer starts again with every byte, and
 * its headers timer does not start for the blank lines it skips before a request), and a client that never reads
 * kept its answer in the server's memory (18 MB a connection for a 6.4 MB answer).
 */
export class ConnectionGuard {
  private readonly held = new Map<net.Socket, Held>();
  private readonly perAddress = new Map<string, number>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    server: http.Server,
    private readonly limits: ConnectionLimits,
    private readonly cut: (reason: ConnectionCut) => void,
    private readonly now: () => number = Date.now,
  ) {
    // The HTTP server's own listeners (its parser) are registered when it is made; they see only admitted sockets.
    const own = server.listeners('connection') as ((socket: net.Socket) => void)[];
    server.removeAllListeners('connection');
    server.on('connection', (socket: net.Socket) => {
      if (this.admit(socket)) for (const listener of own) listener.call(server, socket);
    });
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      const held = this.held.get(req.socket);
      if (!held) return;
      held.active += 1;
      res.once('close', () => {
        held.active -= 1;
        held.quietSince = this.now();
      });
    });
    server.once('close', () => clearInterval(this.sweeper));
  }

  private admit(socket: net.Socket): boolean {
    const address = addressKey(socket.remoteAddress ?? '');
    const fromAddress = this.perAddress.get(address) ?? 0;
    if (this.limits.maxConnections && this.held.size >= this.limits.maxConnections) {
      refuse(socket, `The server holds ${this.limits.maxConnections} connections, its limit; try again in a second`);
      this.cut('total');
      return false;
    }
    if (this.limits.maxPerAddress && fromAddress >= this.limits.maxPerAddress) {
      refuse(socket, `This address holds ${this.limits.maxPerAddress} connections to the server, its limit; close one or try again in a second`);
      this.cut('address');
      return false;
    }
    this.perAddress.set(address, fromAddress + 1);
    this.held.set(socket, { address, active: 0, quietSince: this.now(), unsentSince: 0, waiting: 0, takenAt: 0, taken: 0 });
    socket.once('close', () => {
      this.held.delete(socket);
      const left = this.perAddress.get(address)! - 1;
      if (left) this.perAddress.set(address, left);
      else this.perAddress.delete(address);
    });
    this.sweeper ??= setInterval(this.sweep, SWEEP_MS).unref();
    return true;
  }

  /** Whether the client has left its answer waiting too long: nothing taken for sendMs, or too little since. */
  private unsent(socket: net.Socket, held: Held, now: number): boolean {
    const waiting = waitingBytes(socket);
    if (waiting === 0) {
      held.unsentSince = 0;
      held.waiting = 0;
      return false;
    }
    if (!held.unsentSince) Object.assign(held, { unsentSince: now, takenAt: now, taken: 0 });
    else if (waiting < held.waiting) Object.assign(held, { takenAt: now, taken: held.taken + held.waiting - waiting });
    held.waiting = waiting;
    const waited = now - held.unsentSince;
    return now - held.takenAt > this.limits.sendMs || (waited > this.limits.sendMs && (held.taken * 1000) / waited < MIN_SEND_BYTES_PER_SECOND);
  }

  private readonly sweep = (): void => {
    const now = this.now();
    for (const [socket, held] of this.held) {
      const reason = this.unsent(socket, held, now) ? 'unsent' : !held.active && now - held.quietSince > this.limits.idleMs ? 'idle' : null;
      if (!reason) continue;
      socket.destroy();
      this.cut(reason);
    }
    if (this.held.size) return;
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  };
}

/** Answers 503 and closes; what the client sends meanwhile is read and dropped, so the close does not reset the answer. */
function refuse(socket: net.Socket, message: string): void {
  const body = REFUSAL_BODY(message);
  socket.on('error', () => socket.destroy());
  socket.resume();
  socket.end(
    `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
}
