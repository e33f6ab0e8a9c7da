/**
 * A minimal LSP client for tests and benchmarks: spawns `dist/server.js --stdio` and speaks
 * JSON-RPC to it, as any editor would.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const serverBundle = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface LspSession {
  readonly connection: MessageConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly stderr: () => string;
  /** What the server answered to `initialize`. */
  readonly initializeResult: { capabilities: Record<string, unknown> };
  open(uri: string, text: string, version?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the server and completes `initialize`/`initialized`. */
export async function startServer(options: { locale?: string; bundle?: string } = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [options.bundle ?? serverBundle, '--stdio'], { stdio: 'pipe' });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // Answer server-to-client requests the way a plain editor would: no configuration, no objections.
  connection.onRequest((method: string, params: unknown) => {
    if (method === 'workspace/configuration') {
      const items = (params as { items?: unknown[] } | undefined)?.items ?? [];
      return items.map(() => null);
    }
    return null;
  });
  connection.listen();
  const initializeResult = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
      workspace: { configuration: true },
    },
    ...(options.locale ? { locale: options.locale } : {}),
  });
  await connection.sendNotification('initialized', {});
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    connection,
    process: child,
    stderr: () => stderr,
    initializeResult,
    open: (uri, text, version = 1) =>
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version, text } }),
    close: async () => {
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(killer);
      }
      connection.dispose();
    },
  };
}
