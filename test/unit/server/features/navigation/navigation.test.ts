import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position, Range } from 'vscode-languageserver';
import { DocumentStore, type ParsedDocument } from '../../../../../server/src/documentStore';
import {
  invalidNewName,
  prepareRename,
  provideDefinition,
  provideDocumentHighlights,
  provideReferences,
  provideRename,
} from '../../../../../server/src/features/navigation/navigate';

function parse(text: string): ParsedDocument {
  const store = new DocumentStore();
  store.open('file:///Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///Dockerfile');
  assert.ok(parsed);
  return parsed;
}

/** Position of the `nth` occurrence (0-based) of `needle` in `text`, plus `shift` characters. */
function at(text: string, needle: string, nth = 0, shift = 1): Position {
  let offset = -1;
  for (let count = 0; count <= nth; count += 1) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${needle} #${nth} not found`);
  }
  const before = text.slice(0, offset + shift).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}

/** The text each range covers, as `line:text`. */
function texts(text: string, ranges: readonly Range[]): string[] {
  const lines = text.split('\n');
  return ranges.map((range) => `${range.start.line}:${(lines[range.start.line] ?? '').slice(range.start.character, range.end.character)}`);
}

const stages = 'FROM alpine AS Build\nRUN make\nFROM Build AS test\nCOPY --from=build /a /b\nRUN --mount=type=bind,from=BUILD,target=/x true\nCOPY --from=0 /c /d\nFROM build:tag\n';

describe('stage navigation', () => {
  it('definition of every kind of stage use is the AS name', () => {
    for (const [needle, nth] of [['Build AS test', 0], ['build /a', 0], ['BUILD,', 0], ['0 /c', 0]] as const) {
      const definition = provideDefinition(parse(stages), at(stages, needle, nth));
      assert.deepEqual(texts(stages, definition?.map((location) => location.range) ?? []), ['0:Build'], needle);
    }
  });

  it('references are case-insensitive and skip images that only look like the stage', () => {
    const references = provideReferences(parse(stages), at(stages, 'Build'), true);
    assert.deepEqual(texts(stages, references?.map((location) => location.range) ?? []), ['0:Build', '2:Build', '3:build', '4:BUILD', '5:0']);
  });

  it('highlights mark the declaration as a write', () => {
    const highlights = provideDocumentHighlights(parse(stages), at(stages, 'build /a'));
    assert.equal(highlights?.filter((highlight) => highlight.kind === 3).length, 1);
  });

  it('rename changes names but leaves index uses alone', () => {
    const edit = provideRename(parse(stages), at(stages, 'Build'), 'compile');
    const edits = edit?.changes?.['file:///Dockerfile'] ?? [];
    assert.deepEqual(texts(stages, edits.map((item) => item.range)), ['0:Build', '2:Build', '3:build', '4:BUILD']);
    assert.ok(edits.every((item) => item.newText === 'compile'));
  });

  it('a use by index cannot be renamed', () => {
    assert.equal(prepareRename(parse(stages), at(stages, '0 /c')), null);
  });
});

const variables = [
  'ARG BASE=alpine',
  'ARG UNUSED',
  'FROM ${BASE} AS one',
  'ARG BASE',
  'ENV APP=/app',
  'RUN echo $BASE $APP $TARGETARCH',
  'FROM one AS two',
  'WORKDIR $APP',
  'ENV APP=/srv',
  'RUN echo ${APP:-x}',
  'FROM alpine',
  'ENV APP=/other',
  'RUN echo $APP',
  'RUN <<EOF',
  'echo $APP',
  'EOF',
].join('\n');

interface VariableCase {
  readonly name: string;
  readonly needle: string;
  readonly nth?: number;
  readonly references: readonly string[];
}

const variableCases: readonly VariableCase[] = [
  { name: 'a global ARG, its FROM use and its redeclaration in a stage are one symbol', needle: 'BASE=alpine', references: ['0:BASE', '2:BASE', '3:BASE', '5:BASE'] },
  { name: 'ENV flows into a child stage (FROM one), not into an unrelated stage', needle: 'APP=/app', references: ['4:APP', '5:APP', '7:APP', '8:APP', '9:APP'] },
  { name: 'an unrelated stage has its own APP, used in a RUN here-document too', needle: 'APP=/other', references: ['11:APP', '12:APP', '14:APP'] },
  { name: 'undeclared predefined args still highlight together', needle: 'TARGETARCH', references: ['5:TARGETARCH'] },
];

describe('variable navigation (table)', () => {
  for (const testCase of variableCases) {
    it(testCase.name, () => {
      const references = provideReferences(parse(variables), at(variables, testCase.needle, testCase.nth ?? 0), true);
      assert.deepEqual(texts(variables, references?.map((location) => location.range) ?? []), testCase.references);
    });
  }

  it('an ARG of a stage is the same symbol in the stages built FROM it, not in an unrelated one', () => {
    const text = 'FROM alpine AS one\nARG X=1\nFROM one AS two\nLABEL x=$X\nFROM two\nENV Y=$X\nFROM alpine\nLABEL x=$X\n';
    const parsed = parse(text);
    const references = provideReferences(parsed, at(text, 'X=1'), true);
    assert.deepEqual(texts(text, references?.map((location) => location.range) ?? []), ['1:X', '3:X', '5:X']);
    const edit = provideRename(parsed, at(text, '$X', 0, 1), 'VERSION');
    const edits = Object.values(edit?.changes ?? {}).flat();
    assert.deepEqual(edits.map((change) => change.range.start.line).sort(), [1, 3, 5]);
  });

  it('definition of a use is the nearest declaration before it', () => {
    const definition = provideDefinition(parse(variables), at(variables, 'APP:-x'));
    assert.deepEqual(definition?.map((location) => location.range.start.line), [8]);
  });

  it('definition of a stage redeclaration is the global ARG', () => {
    const definition = provideDefinition(parse(variables), at(variables, 'BASE', 2));
    assert.deepEqual(definition?.map((location) => location.range.start.line), [0]);
  });

  it('references without declarations leave the declarations out', () => {
    const references = provideReferences(parse(variables), at(variables, 'APP=/other'), false);
    assert.deepEqual(references?.map((location) => location.range.start.line), [12, 14]);
  });

  it('an undeclared variable cannot be renamed; a declared one can', () => {
    assert.equal(prepareRename(parse(variables), at(variables, 'TARGETARCH')), null);
    assert.deepEqual(prepareRename(parse(variables), at(variables, 'APP=/app'))?.placeholder, 'APP');
  });

  it('rename validates the new name', () => {
    const parsed = parse(variables);
    assert.equal(invalidNewName(parsed, at(variables, 'APP=/app'), 'APP_DIR'), undefined);
    assert.match(invalidNewName(parsed, at(variables, 'APP=/app'), '1APP') ?? '', /not a valid variable name/);
    assert.match(invalidNewName(parse(stages), at(stages, 'Build'), 'a b') ?? '', /not a valid stage name/);
  });

  it('nothing is found on plain text', () => {
    assert.equal(provideDefinition(parse(variables), at(variables, 'echo')), null);
    assert.equal(provideReferences(parse(variables), { line: 1, character: 0 }, true), null);
  });
});

describe('variables in here-document bodies', () => {
  it('a quoted COPY here-document is literal, an unquoted one expands', () => {
    const text = "FROM a\nARG V=1\nCOPY <<'EOF' /literal\n$V\nEOF\nCOPY <<EOF /expanded\n$V\nEOF\n";
    const references = provideReferences(parse(text), { line: 1, character: 4 }, true);
    assert.deepEqual(texts(text, references?.map((location) => location.range) ?? []), ['1:V', '6:V']);
  });
});

describe('here-document navigation', () => {
  const text = 'FROM a\nRUN <<EOT bash\necho EOT\nEOT\nCOPY <<A /a\nx\nA\n';

  it('the closing delimiter goes to its opener and both rename together', () => {
    const parsed = parse(text);
    const definition = provideDefinition(parsed, { line: 3, character: 1 });
    assert.deepEqual(texts(text, definition?.map((location) => location.range) ?? []), ['1:EOT']);
    const edits = provideRename(parsed, { line: 1, character: 7 }, 'SCRIPT')?.changes?.['file:///Dockerfile'] ?? [];
    assert.deepEqual(texts(text, edits.map((edit) => edit.range)), ['1:EOT', '3:EOT']);
  });

  it('a quoted delimiter renames inside its quotes; one written in pieces is not renamed', () => {
    const quoted = 'FROM a\nCOPY <<"EOF" /x\n$V\nEOF\n';
    const edits = provideRename(parse(quoted), at(quoted, 'EOF'), 'DATA')?.changes?.['file:///Dockerfile'] ?? [];
    assert.deepEqual(texts(quoted, edits.map((edit) => edit.range)), ['1:EOF', '3:EOF']);
    const pieces = 'FROM a\nRUN <<E"O"F\nx\nEOF\n';
    assert.equal(prepareRename(parse(pieces), at(pieces, 'E"O"F')), null);
    assert.deepEqual(texts(pieces, provideReferences(parse(pieces), at(pieces, 'EOF', 0, 1), true)?.map((location) => location.range) ?? []), ['1:E"O"F', '3:EOF']);
  });

  it('each here-document is its own symbol', () => {
    const references = provideReferences(parse(text), { line: 4, character: 7 }, true);
    assert.deepEqual(texts(text, references?.map((location) => location.range) ?? []), ['4:A', '6:A']);
  });
});

describe('navigation where dockerfile-ast cannot read a here-document', () => {
  // Its 0.7.1 reader threw a TypeError on this opener (found by the randomized edit test, seed 204);
  // BuildKit reads no here-document here (the line does not lex: an unterminated quote).
  const text = 'RUN <<-"EOF"" ]\n\tEOF\n';
  it('answers every request instead of failing', () => {
    const parsed = parse(text);
    const position = { line: 0, character: 10 };
    assert.equal(provideDefinition(parsed, position), null);
    assert.equal(provideReferences(parsed, position, true), null);
    assert.equal(provideDocumentHighlights(parsed, position), null);
    assert.equal(prepareRename(parsed, position), null);
  });
});
