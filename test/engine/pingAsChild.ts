/**
 * Run as a child process (possibly as another user): pings the engine at the socket given as the
 * first argument through the product's engine layer and prints the outcome as one JSON line.
 */
import { createEngine } from '../../client/src/engine/engine';
import { EngineError } from '../../client/src/engine/errors';

async function main(): Promise<void> {
  const socketPath = process.argv[2] ?? '';
  try {
    await createEngine({ kind: 'unix', socketPath }, 5_000).ping();
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  } catch (error) {
    const kind = error instanceof EngineError ? error.kind : 'not an EngineError';
    process.stdout.write(`${JSON.stringify({ ok: false, kind, message: error instanceof Error ? error.message : String(error) })}\n`);
  }
}

void main();
