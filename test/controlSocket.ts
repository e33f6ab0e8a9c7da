/**
 * A one-request-per-connection unix socket through which code running inside the editor's
 * extension host asks the test process for something (a count, a UI step). Answering on a socket
 * of its own keeps the thing being counted (the engine socket) clean.
 */
import { connect, createServer, type Server } from 'node:net';

/** Serves `handle(command)` for each connection: the request is one line, the reply the rest of the stream. */
export async function startControlSocket(path: string, handle: (command: string) => Promise<string> | string): Promise<Server> {
  // Half-open: the asker ends its side after the request line, and a slow reply must still get out.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    socket.setEncoding('utf8');
    socket.on('error', () => socket.destroy());
    let received = '';
    socket.on('data', (chunk: string) => {
      received += chunk;
      const end = received.indexOf('\n');
      if (end < 0) {
        return;
      }
      socket.removeAllListeners('data');
      Promise.resolve()
        .then(() => handle(received.slice(0, end)))
        .then(
          (reply) => socket.end(reply),
          (error: unknown) => socket.end(`error: ${error instanceof Error ? error.message : String(error)}`),
        );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  return server;
}

/** Sends one command line to a control socket and resolves with the whole reply. */
export function askControlSocket(path: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let reply = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
    socket.end(`${command}\n`);
  });
}
