/** What the local engine knows about an external base image (the parts that decide its command). */
export interface ImageConfig {
  readonly cmd: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  readonly shell: readonly string[] | null;
  /** `Config.Env` (`NAME=value` entries); absent or null when not known. */
  readonly env?: readonly string[] | null;
}

/**
 * Answers for external images: an ImageConfig, null when the engine does not have the image,
 * undefined when nobody answered (yet). Only an ImageConfig turns "unknown" into facts.
 */
export type ImageConfigLookup = (image: string) => ImageConfig | null | undefined;

/** The lookup used when no client answers are available: every external image stays unknown. */
export const noImageConfigs: ImageConfigLookup = () => undefined;
