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

/**
 * Client → server: what building the document needs to know from the model: its stages (targets),
 * which instruction is each build step (to put a failed step's error on its line), its ARGs with
 * defaults, what each stage's image will run (to compare with the built image), and the mounts that
 * need a BuildKit session. Null when the server does not have the document open.
 */
export const buildOutlineRequest = 'berthwise/buildOutline';

export interface BuildOutlineParams {
  readonly uri: string;
}

/** An instruction BuildKit shows as a numbered step (`[stage 2/5] RUN …`): FROM an image, RUN, COPY, ADD, WORKDIR. */
export interface BuildOutlineStep {
  readonly keyword: string;
  /** Zero-based lines of the instruction (a continued instruction spans several). */
  readonly startLine: number;
  readonly endLine: number;
}

export interface BuildOutlineStage {
  readonly index: number;
  /** The `AS` name as written. */
  readonly name?: string;
  /** Zero-based line of the FROM. */
  readonly line: number;
  /** The numbered steps in BuildKit's order (the FROM counts only when it names an image). */
  readonly steps: readonly BuildOutlineStep[];
  /** What `docker run` of this stage's image runs: argv, null for nothing, 'unknown' when a base image decides. */
  readonly runs: readonly string[] | null | 'unknown';
}

export interface BuildOutlineArg {
  readonly name: string;
  /** The default as written (unexpanded); absent when the ARG has none. */
  readonly defaultValue?: string;
  /** Stage index, or -1 for an ARG before the first FROM. */
  readonly stage: number;
  readonly line: number;
}

/** A `RUN --mount=type=secret|ssh`: it needs a BuildKit session, which builds from Berthwise do not open. */
export interface BuildOutlineSessionMount {
  readonly type: 'secret' | 'ssh';
  readonly line: number;
}

export interface BuildOutlineResult {
  readonly stages: readonly BuildOutlineStage[];
  readonly args: readonly BuildOutlineArg[];
  readonly sessionMounts: readonly BuildOutlineSessionMount[];
}
