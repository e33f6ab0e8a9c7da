/**
 * Answers to the language server's questions about the local engine (`berthwise/imageConfig`,
 * `berthwise/localImages`). Free of the VS Code API so the Workspace Trust gate is tested against the
 * real engine in plain Node: in an untrusted workspace neither question reaches the engine, since
 * both are asked because of what a workspace file says or where the cursor is in it.
 */
import type { ImageConfigParams, ImageConfigResult, LocalImagesResult } from '../../../server/src/protocol';
import type { Engine } from '../engine/engine';
import { toImageConfigResult } from './imageConfigAnswer';

export interface EngineQuestionDeps {
  readonly engine: () => Engine;
  /** `vscode.workspace.isTrusted`, read at each question (trust can be granted while the server runs). */
  readonly isTrusted: () => boolean;
  readonly debug: (message: string) => void;
}

/** Deadline for one answer: the server treats a missing answer as "unknown", so waiting longer buys nothing. */
const answerTimeoutMs = 3000;

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A base image's CMD/ENTRYPOINT/SHELL, so diagnostics, hover and the `runs:` hint can account for what a stage inherits. */
export async function answerImageConfig(params: ImageConfigParams, deps: EngineQuestionDeps): Promise<ImageConfigResult | null> {
  if (!deps.isTrusted() || typeof params.image !== 'string' || params.image === '') {
    return null;
  }
  try {
    return toImageConfigResult(await deps.engine().inspect('image', params.image, { timeoutMs: answerTimeoutMs }));
  } catch (error) {
    deps.debug(`Base image ${params.image} not inspected: ${reason(error)}`);
    return null;
  }
}

/** The local image tags for `COPY --from=` completion. */
export async function answerLocalImages(deps: EngineQuestionDeps): Promise<LocalImagesResult | null> {
  if (!deps.isTrusted()) {
    return null;
  }
  try {
    const images = await deps.engine().listImages({ timeoutMs: answerTimeoutMs });
    return { images: [...new Set(images.flatMap((image) => image.repoTags))].sort() };
  } catch (error) {
    deps.debug(`Local images not listed for completion: ${reason(error)}`);
    return null;
  }
}
