import http from 'node:http';
import net from 'node:net';

/** How many connections the server keeps open at once: in all, and from one client address. */
export interface ConnectionLimits {
  /** Open connections in all; 0 = no cap. */
  maxConnections: number;
  /** Open connections from one socket address; 0 = no cap (behind a proxy every client has the proxy's address). */
  maxPerAddress: number;
}

/** A connection past a cap is told why before it is closed; a client that sent nothing yet reads it as the answer. */
const REFUSAL_BODY = (message: string) => `${JSON.stringify({ errors: [{ message, extensions: { code: 'SERVER_BUSY' } }] })}\n`;

/** How long a refused connection may stay to read its answer before it is cut. */
const REFUSED_LINGER_MS = 1000;

/**
 * Caps the connections the server holds open, counted from the moment each is accepted until it closes. Without a
 * cap, a client that opens connections and never finishes a request (or sends a byte now and then) holds each one
 * until the receive time limit, and a few thousand of them take every file descriptor the process has. Node's own
 * `server.maxConnections` only destroys the socket; here the client gets an HTTP 503 it can read and log.
 */
export function guardConnections(server: http.Server, limits: ConnectionLimits, onRefused: (reason: 'total' | 'address') => void): void {
  if (!limits.maxConnections && !limits.maxPerAddress) return;
  let open = 0;
  const perAddress = new Map<string, number>();
  // The HTTP server's own listeners (its parser) are registered when it is made; they see only admitted sockets,
  // so a refused connection never becomes a request.
  const own = server.listeners('connection') as ((socket: net.Socket) => void)[];
  server.removeAllListeners('connection');
  server.on('connection', (socket: net.Socket) => {
    const address = socket.remoteAddress ?? '';
    const fromAddress = perAddress.get(address) ?? 0;
    if (limits.maxConnections && open >= limits.maxConnections) {
      refuse(socket, `The server holds ${limits.maxConnections} connections, its limit; try again in a second`);
      onRefused('total');
      return;
    }
    if (limits.maxPerAddress && fromAddress >= limits.maxPerAddress) {
      refuse(socket, `This address holds ${limits.maxPerAddress} connections to the server, its limit; close one or try again in a second`);
      onRefused('address');
      return;
    }
    open++;
    perAddress.set(address, fromAddress + 1);
    socket.once('close', () => {
      open--;
      const left = perAddress.get(address)! - 1;
      if (left) perAddress.set(address, left);
      else perAddress.delete(address);
    });
    for (const listener of own) listener.call(server, socket);
  });
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
