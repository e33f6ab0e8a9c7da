import type { Range, TextEdit } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { ImageConfigLookup } from '../../semantics/imageConfig';
import type { DockerfileModel } from '../../semantics/model';

/** A user-facing text in every supported locale. */
export type Localized = Readonly<Record<DocLocale, string>>;

/** The severity setting of a rule: `ignore` switches it off. */
export type SeverityLevel = 'ignore' | 'info' | 'warning' | 'error';

/** A quick fix a finding offers: a title and the edits that apply it. */
export interface Fix {
  readonly title: Localized;
  readonly edits: readonly TextEdit[];
}

/** One problem a rule found. */
export interface Finding {
  readonly range: Range;
  readonly message: Localized;
  /** The earlier instruction has no effect (rendered faded). */
  readonly unnecessary?: boolean;
  readonly fix?: Fix;
}

/** What a rule may know besides the Dockerfile itself. */
export interface RuleContext {
  /** The text of the `.dockerignore` of the build context, when there is one. */
  readonly dockerignore?: string;
  /** The engine's answers about external base images. */
  readonly lookup?: ImageConfigLookup;
}

/** One diagnostic rule: a stable code, a default severity and a pure check over the model. */
export interface Rule {
  /** Stable code, also the name used by `# check=skip=` and `# berthwise-ignore=`. */
  readonly code: string;
  readonly defaultSeverity: Exclude<SeverityLevel, 'ignore'>;
  /** True when the code is a BuildKit build check name (then `# check=error=true` applies). */
  readonly buildkit: boolean;
  /** An experimental BuildKit check: off unless `# check=experimental=<code>` (or `all`) or a severity setting turns it on. */
  readonly experimental?: boolean;
  /**
   * BuildKit checks it with the file's configuration only (it looks at the file as a whole), so a
   * `# check=skip=…` comment above an instruction does not silence it.
   */
  readonly fileScoped?: boolean;
  /** hadolint rule ids that mean the same, honoured in `# hadolint ignore=`. */
  readonly hadolint?: readonly string[];
  readonly docUrl: string;
  check(model: DockerfileModel, context?: RuleContext): Finding[];
}

/** The documentation URL Docker gives a BuildKit build check. */
export function buildkitDocUrl(code: string): string {
  const kebab = code.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return `https://docs.docker.com/go/dockerfile/rule/${kebab}/`;
}

/** The Dockerfile reference section on how CMD and ENTRYPOINT interact. */
export const cmdEntrypointDocUrl = 'https://docs.docker.com/reference/dockerfile/#understand-how-cmd-and-entrypoint-interact';
