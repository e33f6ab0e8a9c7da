/**
 * A BuildKit session over the Engine API (`POST /session`, upgraded to HTTP/2 without TLS): we
 * serve gRPC on the hijacked connection and the engine calls us. It offers the build context and the
 * Dockerfile's folder through fsutil's DiffCopy, as the docker CLI does, so the engine receives
 * only files that changed since the last build of the same folder. It offers nothing else: no
 * secrets, no SSH agent, no registry credentials.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import type { EngineCore } from '../transport/core';
import { engineDriver } from '../transport/driverLoader';
import { sendFolder, type PacketStream } from './fileSync';
import { fileSyncDiffCopyPath, fileSyncService, healthCheckPath, healthService, type SyncPacket } from './sessionMessages';

export interface BuildSession {
  readonly id: string;
  close(): void;
}

/** The folders a session offers by the names BuildKit's Dockerfile frontend asks for. */
export interface SessionFolders {
  readonly context: string;
  readonly dockerfile: string;
}

interface Dialable {
  dial(options: Record<string, unknown>, callback: (error: unknown, data: unknown) => void): void;
}

/** The same folder gets the same key, so the engine reuses what it received last time. */
const sharedKeyOf = (folder: string): string => createHash('sha256').update(folder).digest('hex');

/**
 * The values of a metadata key. Go's gRPC sends one header field per value; Node's HTTP/2 joins
 * repeated fields with ", ", so they are split there again.
 */
const firstValue = (metadata: { get(key: string): unknown[] }, key: string): string[] => metadata.get(key).flatMap((value) => String(value).split(', '));

/** Opens a session serving `folders`; resolves once the engine has accepted the connection. */
export function openBuildSession({ docker }: EngineCore, folders: SessionFolders, abortSignal: AbortSignal): Promise<BuildSession> {
  const { grpc } = engineDriver();
  const id = randomUUID();
  const modem = (docker as unknown as { modem: Dialable }).modem;
  return new Promise((resolve, reject) => {
    modem.dial(
      {
        path: '/session',
        method: 'POST',
        hijack: true,
        abortSignal,
        headers: {
          Upgrade: 'h2c',
          'X-Docker-Expose-Session-Uuid': id,
          'X-Docker-Expose-Session-Name': 'berthwise',
          'X-Docker-Expose-Session-Sharedkey': sharedKeyOf(folders.context),
          'X-Docker-Expose-Session-Grpc-Method': [fileSyncDiffCopyPath, healthCheckPath],
        },
        statusCodes: { 101: true, 200: true, 400: 'bad parameter', 500: 'server error' },
      },
      (error, data) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
          return;
        }
        const socket = data as Duplex;
        const server = new grpc.Server();
        server.addService(fileSyncService(), {
          DiffCopy: (call: PacketStream & { metadata: { get(key: string): unknown[] } }) => {
            const dirName = firstValue(call.metadata, 'dir-name')[0] ?? '';
            const root = dirName === 'context' ? folders.context : dirName === 'dockerfile' ? folders.dockerfile : undefined;
            const decode = (key: string): string[] => {
              const encoded = firstValue(call.metadata, `${key}-encoded`)[0] === 'true';
              return firstValue(call.metadata, key).map((value) => (encoded ? decodeURIComponent(value.replace(/\+/g, ' ')) : value));
            };
            if (root === undefined) {
              call.write({ type: 4, data: Buffer.from(`no access allowed to dir "${dirName}"`) } satisfies SyncPacket);
              call.end();
              return;
            }
            // Older engines name single files in `followpaths` where newer ones use include patterns.
            const includePatterns = [...decode('include-patterns'), ...decode('followpaths')];
            sendFolder(call, { root, includePatterns, excludePatterns: decode('exclude-patterns') }).catch((failure: unknown) => {
              call.write({ type: 4, data: Buffer.from(failure instanceof Error ? failure.message : String(failure)) } satisfies SyncPacket);
              call.end();
            });
          },
        });
        server.addService(healthService(), {
          Check: (_call: unknown, callback: (error: null, response: { status: number }) => void) => callback(null, { status: 1 }),
        });
        server.createConnectionInjector(grpc.ServerCredentials.createInsecure()).injectConnection(socket);
        resolve({
          id,
          close: () => {
            server.forceShutdown();
            socket.destroy();
          },
        });
      },
    );
  });
}
