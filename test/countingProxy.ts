/**
 * A unix socket standing in for the engine that counts connections: the way to prove that
 * something made no engine call at all, whatever path it would have taken. Each connection is
 * piped to the real engine's socket when one is given (so callers get real answers), else closed.
 * Shared by the engine and vscode tiers and the activation benchmark.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface CountingProxy {
  readonly socketPath: string;
  /** Connections accepted so far. */
  connections(): number;
  /**
   * Every HTTP request line sent through the socket (`GET /images/…/json HTTP/1.1`), in order,
   * including those on reused keep-alive connections: what the engine calls were about.
   */
  requestLines(): readonly string[];
  close(): Promise<void>;
}

export async function startCountingProxy(socketPath: string, upstreamSocket: string | undefined): Promise<CountingProxy> {
  let count = 0;
  const lines: string[] = [];
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    count += 1;
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('data', (chunk: Buffer) => lines.push(...requestLinesIn(chunk)));
    if (upstreamSocket === undefined) {
      client.destroy();
      return;
    }
    const engine = connect(upstreamSocket);
    open.add(engine);
    client.on('error', () => engine.destroy());
    engine.on('error', () => client.destroy());
    client.on('close', () => engine.destroy());
    engine.on('close', () => {
      open.delete(engine);
      client.destroy();
    });
    client.pipe(engine).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, resolve);
  });
  return {
    socketPath,
    connections: () => count,
    requestLines: () => [...lines],
    close: async () => {
      open.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A request line at the start of a chunk or of a line in it (Docker clients send small requests). */
const requestLine = /(?:^|\r\n)((?:GET|HEAD|POST|PUT|DELETE) \S+ HTTP\/1\.[01])\r\n/g;

function requestLinesIn(chunk: Buffer): string[] {
  return [...chunk.toString('latin1').matchAll(requestLine)].map((match) => match[1] ?? '');
}
