/**
 * A unix socket in front of the real engine that counts connections: the way to prove that
 * something made no engine call at all, whatever path it would have taken.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface CountingProxy {
  readonly socketPath: string;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startCountingProxy(socketPath: string, upstreamSocket: string): Promise<CountingProxy> {
  let count = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    count += 1;
    open.add(client);
    const engine = connect(upstreamSocket);
    open.add(engine);
    client.on('error', () => engine.destroy());
    engine.on('error', () => client.destroy());
    client.on('close', () => {
      open.delete(client);
      engine.destroy();
    });
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
    close: async () => {
      open.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
