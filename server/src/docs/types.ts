/** Locales the hover documentation is written in. */
export type DocLocale = 'en' | 'zh-cn';

/**
 * One documentation entry, written in the project's own words from Docker's reference, with the
 * common misconceptions corrected (test/unit/docs.test.ts lists the corrections it checks).
 */
export interface DocEntry {
  /** Short heading, e.g. `COPY --from`. */
  readonly title: string;
  /** Syntax forms, each rendered as a code line. */
  readonly forms?: readonly string[];
  /** One or two sentences saying what it does. */
  readonly summary: string;
  /** Further facts worth knowing while editing. */
  readonly details?: readonly string[];
  /** Traps worth knowing, including corrections of common misconceptions. */
  readonly gotchas?: readonly string[];
  /** Official reference URL. */
  readonly reference?: string;
}

/**
 * Keys: an instruction (`COPY`), a flag (`COPY --from`), a flag value (`RUN --mount type=cache`),
 * or a parser directive (`# syntax`).
 */
export type DocTable = Readonly<Record<string, DocEntry>>;
