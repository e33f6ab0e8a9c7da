/**
 * Turns BuildKit's progress updates into the lines of a plain progress log, in the spirit of
 * `--progress=plain`: every step gets a number when first seen, then its output, and one closing
 * line with its state (DONE with the duration, CACHED, or ERROR). Pure: no terminal, no VS Code.
 */
import type { BuildStatusUpdate } from '../engine/build/buildkitStatus';

interface VertexState {
  readonly number: number;
  name: string;
  started?: number;
  closed: boolean;
  error?: string;
}

/** What one update adds to the log; `failed` names the steps that failed in it. */
export interface ProgressLines {
  readonly lines: readonly ProgressLine[];
  readonly failed: readonly { readonly name: string; readonly error: string }[];
}

export type ProgressLine =
  | { readonly kind: 'start'; readonly step: number; readonly name: string }
  | { readonly kind: 'output'; readonly step: number; readonly text: string; readonly stderr: boolean }
  | { readonly kind: 'done'; readonly step: number; readonly seconds: number }
  | { readonly kind: 'cached'; readonly step: number }
  | { readonly kind: 'error'; readonly step: number; readonly message: string }
  | { readonly kind: 'warning'; readonly step: number; readonly message: string };

export class BuildProgress {
  private readonly vertexes = new Map<string, VertexState>();
  private readonly partial = new Map<string, string>();
  private steps = 0;
  private cachedCount = 0;

  /** Steps that came from the cache so far. */
  get cached(): number {
    return this.cachedCount;
  }

  /** Applies one decoded StatusResponse; returns the log lines it adds. */
  apply(update: BuildStatusUpdate): ProgressLines {
    const lines: ProgressLine[] = [];
    const failed: { name: string; error: string }[] = [];
    for (const vertex of update.vertexes) {
      const state = this.stateOf(vertex.digest, vertex.name, lines);
      if (vertex.started !== undefined && state.started === undefined) {
        state.started = vertex.started;
      }
      if (state.closed) {
        continue;
      }
      if (vertex.cached) {
        state.closed = true;
        this.cachedCount++;
        lines.push({ kind: 'cached', step: state.number });
      } else if (vertex.error !== undefined) {
        state.closed = true;
        state.error = vertex.error;
        failed.push({ name: state.name, error: vertex.error });
        lines.push(...this.flushOutput(vertex.digest, state.number), { kind: 'error', step: state.number, message: vertex.error });
      } else if (vertex.completed !== undefined) {
        state.closed = true;
        const seconds = state.started !== undefined ? Math.max(0, vertex.completed - state.started) / 1000 : 0;
        lines.push(...this.flushOutput(vertex.digest, state.number), { kind: 'done', step: state.number, seconds });
      }
    }
    for (const log of update.logs) {
      const state = this.stateOf(log.vertex, log.vertex, lines);
      const text = (this.partial.get(log.vertex) ?? '') + Buffer.from(log.data).toString('utf8');
      const parts = text.split('\n');
      this.partial.set(log.vertex, parts.pop() ?? '');
      lines.push(...parts.map((part) => ({ kind: 'output' as const, step: state.number, text: part.replace(/\r$/, ''), stderr: log.stream === 2 })));
    }
    for (const warning of update.warnings) {
      lines.push({ kind: 'warning', step: this.stateOf(warning.vertex, warning.vertex, lines).number, message: warning.message });
    }
    return { lines, failed };
  }

  private stateOf(digest: string, name: string, lines: ProgressLine[]): VertexState {
    let state = this.vertexes.get(digest);
    if (!state) {
      state = { number: ++this.steps, name, closed: false };
      this.vertexes.set(digest, state);
      lines.push({ kind: 'start', step: state.number, name });
    }
    return state;
  }

  private flushOutput(digest: string, step: number): ProgressLine[] {
    const rest = this.partial.get(digest);
    this.partial.delete(digest);
    return rest ? [{ kind: 'output', step, text: rest, stderr: false }] : [];
  }
}
