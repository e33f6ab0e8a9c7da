/**
 * Custom requests and notifications between the Berthwise client and server, declared once here.
 * Plain method names and payload types, so the server needs nothing from `vscode`.
 */

/** Client → server: how many parses the document store has done (lets tests prove the parse cache works). */
export const parseCountRequest = 'berthwise/parseCount';

export interface ParseCountResult {
  readonly parses: number;
}

/**
 * Server → client: the CMD/ENTRYPOINT/Shell/ENV of an external base image as the local engine has it
 * (`Config.Cmd`, `Config.Entrypoint`, `Config.Shell`, `Config.Env`), or null when the engine lacks the image. The server
 * works fully without answers: an unanswered image stays "unknown" and never causes a diagnostic.
 */
export const imageConfigRequest = 'berthwise/imageConfig';

/**
 * Client → server: the build context folder of each Dockerfile that is not built from its own folder
 * (absolute file system paths, from the `berthwise.buildContexts` setting). Sent after start and on change.
 */
export const buildContextsNotification = 'berthwise/buildContexts';

export interface BuildContextsParams {
  /** Dockerfile path → context folder. */
  readonly contexts: Readonly<Record<string, string>>;
}

export interface ImageConfigParams {
  /** The image reference as written after FROM (global ARG defaults substituted). */
  readonly image: string;
}

export interface ImageConfigResult {
  readonly cmd: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  readonly shell: readonly string[] | null;
  /** `Config.Env` (`NAME=value`), so UndefinedVar knows what the image defines; absent from older clients. */
  readonly env?: readonly string[] | null;
}

/**
 * Server → client: the tags of the images the local engine has (`repo:tag`), offered after
 * `COPY --from=` and `RUN --mount=from=` once the stage names run out. Null when the client cannot
 * tell; completion then offers stage names only.
 */
export const localImagesRequest = 'berthwise/localImages';

export interface LocalImagesResult {
  readonly images: readonly string[];
}
