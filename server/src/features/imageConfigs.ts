import type { Connection } from 'vscode-languageserver';
import { imageConfigRequest, type ImageConfigParams, type ImageConfigResult } from '../protocol';
import type { ImageConfig, ImageConfigLookup } from '../semantics/imageConfig';

/** How long the client may take to answer before the image is treated as unknown for this session. */
const answerTimeoutMs = 3000;

/**
 * Asks the client once per image for its configuration and remembers the answer, for every feature
 * that shows what an image runs (diagnostics, hover, inlay hints). Lookups never wait: an image not
 * answered yet is unknown, and the `onLearned` listeners run when an answer arrives so each feature
 * can show the better answer.
 */
export class ImageConfigCache {
  private readonly answers = new Map<string, ImageConfig | null | 'pending' | 'unanswered'>();
  private readonly learnedListeners: Array<() => void> = [];

  constructor(private readonly connection: Connection) {}

  /** Runs `listener` each time the client answers with an image's configuration. */
  onLearned(listener: () => void): void {
    this.learnedListeners.push(listener);
  }

  /** The lookup to pass to the semantics model. */
  readonly lookup: ImageConfigLookup = (image) => {
    const answer = this.answers.get(image);
    if (answer === undefined) {
      this.ask(image);
      return undefined;
    }
    return answer === 'pending' || answer === 'unanswered' ? undefined : answer;
  };

  private ask(image: string): void {
    this.answers.set(image, 'pending');
    const params: ImageConfigParams = { image };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), answerTimeoutMs);
    });
    const request = this.connection.sendRequest<ImageConfigResult | null>(imageConfigRequest, params).catch(() => undefined);
    void Promise.race([request, timeout]).then((result) => {
      clearTimeout(timer);
      const config = toImageConfig(result);
      this.answers.set(image, config === undefined ? 'unanswered' : config);
      if (config) {
        this.learnedListeners.forEach((listener) => listener());
      }
    });
  }
}

function toImageConfig(result: unknown): ImageConfig | null | undefined {
  if (result === null) {
    return null;
  }
  if (typeof result !== 'object' || result === undefined) {
    return undefined;
  }
  const record = result as Record<string, unknown>;
  const list = (value: unknown): readonly string[] | null =>
    Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
  return { cmd: list(record['cmd']), entrypoint: list(record['entrypoint']), shell: list(record['shell']), env: list(record['env']) };
}
