/**
 * The chunked, incremental parse gives the same tree and the same diagnostics as dockerfile-ast's
 * full parse: on every real corpus file (with chunks shrunk so that boundaries fall everywhere), on
 * tricky hand-written files, and on large generated files edited version after version, where
 * unchanged chunks are reused and moved.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { computeDiagnostics } from '../../../../../server/src/features/diagnostics/computeDiagnostics';
import { chunkStarts, parseChunked, type ChunkCache, type ChunkSizes } from '../../../../../server/src/syntax/chunkedParse';
import { corpusDir, corpusFileNames } from '../../../../corpus';

/** A boundary before every letter-led line. */
const tinyChunks: ChunkSizes = { minLines: 1, modulus: 1, maxLines: 1 };

/**
 * Everything dockerfile-ast says about a tree, read through its public getters (every zero-argument
 * `get…`/`is…` method, recursively), with positions as plain numbers.
 */
function dump(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((item) => dump(item, depth + 1));
  }
  const record = value as Record<string, unknown>;
  if (typeof record['line'] === 'number' && typeof record['character'] === 'number') {
    return [record['line'], record['character']];
  }
  if ('start' in record && 'end' in record && Object.keys(record).length === 2) {
    return { start: dump(record['start'], depth + 1), end: dump(record['end'], depth + 1) };
  }
  if (depth > 6) {
    return '…';
  }
  const out: Record<string, unknown> = { kind: value.constructor.name };
  for (const name of getterNames(value)) {
    const method = record[name] as () => unknown;
    out[name] = dump(method.call(value), depth + 1);
  }
  return out;
}

/** Getters that would only repeat the whole tree, or ask the whole file (quadratic on large files). */
const skipped = new Set(['getInstructions', 'getComments', 'getARGs', 'getCMDs', 'getCOPYs', 'getENTRYPOINTs', 'getENVs', 'getFROMs', 'getHEALTHCHECKs', 'getOnbuildTriggers', 'getWORKDIRs', 'getFROM']);

function getterNames(value: object): string[] {
  const names = new Set<string>();
  for (let proto = Object.getPrototypeOf(value) as object | null; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (/^(get|is)[A-Z]/.test(name) && typeof descriptor?.value === 'function' && (descriptor.value as () => unknown).length === 0 && !skipped.has(name)) {
        names.add(name);
      }
    }
  }
  return [...names].sort();
}

/** The whole tree: directives, escape character, comments, instructions, and how they group into stages. */
function dumpTree(dockerfile: Dockerfile, deep: boolean): unknown {
  const shallow = (node: { getRange(): unknown; getTextContent?(): string }): unknown => [dump(node.getRange()), node.getTextContent?.()];
  const each = deep ? (node: object): unknown => dump(node) : shallow;
  return {
    escape: dockerfile.getEscapeCharacter(),
    directives: dockerfile.getDirectives().map((directive) => dump(directive)),
    comments: dockerfile.getComments().map(each),
    instructions: dockerfile.getInstructions().map(each),
    initialArgs: dockerfile.getInitialARGs().map((arg) => dump(arg.getRange())),
    froms: dockerfile.getFROMs().map((from) => [dump(from.getRange()), from.getBuildStage(), from.getImage()]),
    initialComments: dockerfile.getInitialARGs().slice(0, 1).map((arg) => dockerfile.getContainingImage(arg.getRange().start)?.getComments().map((comment) => dump(comment.getRange()))),
    stageComments: dockerfile.getFROMs().map((from) => dockerfile.getContainingImage(from.getRange().start)?.getComments().map((comment) => dump(comment.getRange()))),
    range: dump(dockerfile.getRange()),
  };
}

function assertSameAsFullParse(document: TextDocument, chunked: Dockerfile, label: string, deep = true): void {
  const full = DockerfileParser.parse(document.getText());
  assert.deepEqual(dumpTree(chunked, deep), dumpTree(full, deep), `${label}: tree differs from a full parse`);
  assert.deepEqual(
    JSON.stringify(computeDiagnostics({ document, dockerfile: chunked }, { locale: 'en' })),
    JSON.stringify(computeDiagnostics({ document, dockerfile: full }, { locale: 'en' })),
    `${label}: diagnostics differ from a full parse`,
  );
}

/** Applies edits version by version, parsing each with the previous version's chunks. */
function editAndCompare(text: string, edits: readonly TextDocumentContentChangeEvent[][], sizes: ChunkSizes | undefined, deep: boolean, label: string): number[] {
  let document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, text);
  let cache: ChunkCache | undefined = parseChunked(document, undefined, sizes).cache;
  const parsedPerEdit: number[] = [];
  edits.forEach((changes, index) => {
    document = TextDocument.update(document, changes, index + 2);
    const result = parseChunked(document, cache, sizes);
    cache = result.cache;
    parsedPerEdit.push(result.parsedChunks);
    assertSameAsFullParse(document, result.dockerfile, `${label}, edit ${index + 1}`, deep);
  });
  return parsedPerEdit;
}

/** A multi-stage Dockerfile of `lines` lines built from realistic blocks (like the benchmark's files). */
function generateDockerfile(lines: number): string {
  const out: string[] = [];
  for (let i = 0; out.length < lines; i += 1) {
    out.push(
      `FROM example/base:${i} AS stage${i}`,
      `ARG VERSION_${i}=1.${i}`,
      `ENV APP_HOME=/opt/app${i} PATH=/opt/app${i}/bin:$PATH`,
      `COPY --chown=nobody:nogroup ./src${i} ./src`,
      `# build step ${i}`,
      'RUN --mount=type=cache,target=/root/.cache \\',
      '# a comment inside the continuation',
      `    echo "building \${VERSION_${i}}" \\`,
      '    && make',
      `LABEL version="\${VERSION_${i}}"`,
      'HEALTHCHECK --interval=30s CMD wget -q http://127.0.0.1/ || exit 1',
      `ENTRYPOINT ["/opt/app${i}/bin/app"]`,
      'CMD ["--port", "80"]',
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

const insert = (line: number, text: string): TextDocumentContentChangeEvent[] => [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }];
const replaceLines = (from: number, to: number, text: string): TextDocumentContentChangeEvent[] => [{ range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, text }];

const tricky: Record<string, string> = {
  empty: '',
  noTrailingNewline: 'FROM a\nRUN echo hi',
  crlf: 'FROM a AS one\r\nRUN echo \\\r\n  hi\r\n# note\r\nCOPY . /x\r\n',
  bom: '\uFEFFFROM a\nRUN x\n',
  escapeBacktick: '# escape=`\nFROM a\nRUN echo `\n  b\nCOPY c:\\dir d\nRUN x\n',
  directives: '# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nFROM a\nCMD echo\n',
  heredocAcrossBoundaries: 'FROM a\nRUN <<EOF\napt-get update\nEND\nEOF\nCOPY <<-A <<B /x\n\tone\n\tA\ntwo\nB\nRUN echo ok\n',
  unterminatedHeredoc: 'FROM a\nRUN <<EOF\necho\nLABEL a=b\nRUN x\n',
  continuationWithComments: 'FROM a\nRUN apt-get update \\\n# inside\n\n  && apt-get install -y \\\nLABEL x\nRUN y \\\n',
  escapedKeyword: 'FROM a\nRU\\\nN echo\nRUN\\ \n echo\nONBUILD RUN <<EOF\nx\nEOF\n',
  jsonForms: 'FROM a\nCMD []\nENTRYPOINT [ ]\nCMD ["a", "b"]\nSHELL ["/bin/sh", "-c"]\nRUN [\'bad\']\n',
  properties: 'ARG A=1 B\nFROM a:${A}\nENV X=1 Y="two words" \\\n  Z=3\nENV LEGACY value with spaces\nLABEL a=b c="d e"\nARG\nHEALTHCHECK --interval=1s CMD true\nCOPY --from=0 --chown=1:1 a b\n',
};

describe('chunked parse', () => {
  it('cuts chunks only at letter-led lines', () => {
    const text = 'FROM a\n  RUN x\n# c\nRUN y\n\nCMD z\n';
    assert.deepEqual(chunkStarts(text, tinyChunks), [0, 19, 26]);
  });

  for (const [name, text] of Object.entries(tricky)) {
    it(`matches a full parse: ${name}`, () => {
      const document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, text);
      assertSameAsFullParse(document, parseChunked(document, undefined, tinyChunks).dockerfile, name);
    });
  }

  it('matches a full parse on every real corpus file, with a chunk boundary at every instruction', () => {
    const files = corpusFileNames();
    assert.ok(files.length > 100, `corpus not found in ${corpusDir}`);
    for (const file of files) {
      const document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, readFileSync(join(corpusDir, file), 'utf8'));
      assertSameAsFullParse(document, parseChunked(document, undefined, tinyChunks).dockerfile, file);
    }
  });

  it('matches a full parse on corpus files edited line by line (chunks reused and moved)', () => {
    const files = corpusFileNames();
    // Every 7th file keeps the run short; each gets lines inserted, removed and a heredoc opened.
    for (const file of files.filter((_, index) => index % 7 === 0)) {
      const text = readFileSync(join(corpusDir, file), 'utf8');
      const lines = text.split('\n').length;
      const middle = Math.floor(lines / 2);
      editAndCompare(
        text,
        [insert(0, '# top\n'), insert(middle, 'RUN inserted \\\n'), replaceLines(middle, middle + 1, ''), insert(1, 'RUN <<EOF\n'), replaceLines(1, 2, ''), insert(middle, 'ENV A=1\n\n')],
        tinyChunks,
        true,
        file,
      );
    }
  });

  it('matches a full parse on a large file through a series of edits, reparsing only what changed', () => {
    const text = generateDockerfile(3000);
    const parsed = editAndCompare(
      text,
      [
        insert(3, '# edited\n'),
        insert(1500, 'RUN echo new \\\n    && true\n'),
        replaceLines(10, 12, ''),
        insert(2000, 'RUN <<EOF\n'),
        replaceLines(2000, 2001, ''),
        insert(0, '# escape=`\n'),
        replaceLines(0, 1, ''),
        insert(2990, 'COPY <<EOF /x\nFROM not-an-instruction\nEOF\n'),
        insert(2995, 'CMD []\nENTRYPOINT [ ]\n'),
        insert(0, '# moves everything below\n'),
      ],
      undefined,
      true,
      'generated 3,000 lines',
    );
    assert.ok((parsed[0] ?? Infinity) <= 2, `a one-line insert reparsed ${parsed[0]} chunks`);
    assert.ok((parsed[2] ?? Infinity) <= 3, `a two-line removal reparsed ${parsed[2]} chunks`);
  });

  it('matches a full parse on a 50,000-line file edited at the top and in the middle', () => {
    const text = generateDockerfile(50_000);
    const parsed = editAndCompare(text, [insert(3, '# edited\n'), replaceLines(25_000, 25_003, 'LABEL x=y\n')], undefined, false, 'generated 50,000 lines');
    assert.ok(parsed.every((count) => count <= 3), `edits reparsed ${parsed.join(', ')} chunks`);
  });
});
