/**
 * The here-document reader against BuildKit's parser rules: each case is a Dockerfile and what
 * BuildKit reads from it (delimiter, quoting, `<<-`, file descriptor, where the body and the closing
 * line are). Positions are shown as `line:character` text so a failure reads like the file.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver';
import { readHeredocs, readInstructionHeredocs, type Heredoc } from '../../../../server/src/syntax/heredocReader';

/** What a case expects of one here-document; ranges as `line:char-line:char`, bodies as `first-last` lines. */
interface Expected {
  readonly command: Heredoc['command'];
  readonly name: string;
  readonly opener: string;
  readonly nameText: string;
  readonly body: string | undefined;
  readonly closing: string | undefined;
  readonly stripsTabs?: boolean;
  readonly quoted?: boolean;
  readonly fileDescriptor?: number;
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly escapeChar?: string;
  readonly expected: readonly Expected[];
}

function textOf(lines: readonly string[], range: Range): string {
  if (range.start.line === range.end.line) {
    return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  }
  const first = (lines[range.start.line] ?? '').slice(range.start.character);
  const middle = lines.slice(range.start.line + 1, range.end.line);
  const last = (lines[range.end.line] ?? '').slice(0, range.end.character);
  return [first, ...middle, last].join('\n');
}

/** A here-document as the cases write it. */
function describeHeredoc(lines: readonly string[], heredoc: Heredoc): Expected {
  const content = heredoc.contentRange;
  return {
    command: heredoc.command,
    name: heredoc.name,
    opener: `${heredoc.startRange.start.line}:${textOf(lines, heredoc.startRange)}`,
    nameText: textOf(lines, heredoc.nameRange),
    body: content ? `${content.start.line}-${content.end.line}` : undefined,
    closing: heredoc.delimiterRange ? `${heredoc.delimiterRange.start.line}:${heredoc.delimiterRange.start.character}` : undefined,
    stripsTabs: heredoc.stripsTabs,
    quoted: heredoc.quoted,
    fileDescriptor: heredoc.fileDescriptor,
  };
}

/** The defaults a case may leave out. */
function complete(expected: Expected): Expected {
  return { stripsTabs: false, quoted: false, fileDescriptor: 0, ...expected };
}

const cases: readonly Case[] = [
  {
    name: '<<EOF',
    text: 'FROM a\nRUN <<EOF\necho hi\necho there\nEOF\nRUN true\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: '2-3', closing: '4:0' }],
  },
  {
    name: '<<-EOF strips leading tabs from the closing line (and only tabs)',
    text: 'FROM a\nRUN <<-EOF\n\techo hi\n  EOF\n\t\tEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<-EOF', nameText: 'EOF', body: '2-3', closing: '4:2', stripsTabs: true }],
  },
  {
    name: '<<EOF does not close on a tab-indented delimiter',
    text: 'FROM a\nRUN <<EOF\n\tEOF\nEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: '2-2', closing: '3:0' }],
  },
  {
    name: 'a closing line with trailing spaces does not close',
    text: 'FROM a\nRUN <<EOF\nEOF \nEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: '2-2', closing: '3:0' }],
  },
  {
    name: '<<"EOF" is quoted; the name is inside the quotes',
    text: 'FROM a\nRUN <<"EOF"\necho $HOME\nEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<"EOF"', nameText: 'EOF', body: '2-2', closing: '3:0', quoted: true }],
  },
  {
    name: "<<'EOF' is quoted",
    text: "FROM a\nCOPY <<'EOF' /x\n$HOME\nEOF\n",
    expected: [{ command: 'COPY', name: 'EOF', opener: "1:<<'EOF'", nameText: 'EOF', body: '2-2', closing: '3:0', quoted: true }],
  },
  {
    name: '<<-"EOF" is quoted and strips tabs',
    text: 'FROM a\nRUN <<-"EOF"\n\tx\n\tEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<-"EOF"', nameText: 'EOF', body: '2-2', closing: '3:1', quoted: true, stripsTabs: true }],
  },
  {
    name: 'a partly quoted delimiter names the whole word and is quoted',
    text: 'FROM a\nRUN <<E"O"F\nx\nEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<E"O"F', nameText: 'E"O"F', body: '2-2', closing: '3:0', quoted: true }],
  },
  {
    name: 'an escaped quote is part of the name, not quoting',
    text: "FROM a\nRUN <<eo\\'f\nx\neo'f\n",
    expected: [{ command: 'RUN', name: "eo'f", opener: "1:<<eo\\'f", nameText: "eo\\'f", body: '2-2', closing: '3:0' }],
  },
  {
    name: '0<<EOF and 5<<EOF name a file descriptor',
    text: 'FROM a\nRUN 0<<EOF cat /proc/self/fd/5 5<<DATA\nin\nEOF\nfive\nDATA\n',
    expected: [
      { command: 'RUN', name: 'EOF', opener: '1:0<<EOF', nameText: 'EOF', body: '2-2', closing: '3:0', fileDescriptor: 0 },
      { command: 'RUN', name: 'DATA', opener: '1:5<<DATA', nameText: 'DATA', body: '4-4', closing: '5:0', fileDescriptor: 5 },
    ],
  },
  {
    name: 'two here-documents in one instruction, bodies one after the other',
    text: 'FROM a\nCOPY <<X <<Y /dest/\nY\nX\nX\nY\nRUN true\n',
    expected: [
      { command: 'COPY', name: 'X', opener: '1:<<X', nameText: 'X', body: '2-2', closing: '3:0' },
      { command: 'COPY', name: 'Y', opener: '1:<<Y', nameText: 'Y', body: '4-4', closing: '5:0' },
    ],
  },
  {
    name: 'an opener on a continuation line; comment and blank lines inside the head are skipped',
    text: 'FROM a\nRUN --mount=type=cache,target=/c \\\n  # a comment\n\n  <<EOT\nmake\nEOT\n',
    expected: [{ command: 'RUN', name: 'EOT', opener: '4:<<EOT', nameText: 'EOT', body: '5-5', closing: '6:0' }],
  },
  {
    name: 'the body starts after the whole head, even when the opener is on its first line',
    text: 'FROM a\nRUN cat <<EOF \\\n  > /out\nbody\nEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: '3-3', closing: '4:0' }],
  },
  {
    name: 'an unterminated body runs to the end of the file; a later opener gets nothing',
    text: 'FROM a\nRUN <<A <<B\nx\nRUN true\n',
    expected: [
      { command: 'RUN', name: 'A', opener: '1:<<A', nameText: 'A', body: '2-4', closing: undefined },
      { command: 'RUN', name: 'B', opener: '1:<<B', nameText: 'B', body: undefined, closing: undefined },
    ],
  },
  {
    name: 'an opener on the last line has no body',
    text: 'FROM a\nRUN <<EOF',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: undefined, closing: undefined }],
  },
  {
    name: 'an empty body',
    text: 'FROM a\nRUN <<EOF\nEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: undefined, closing: '2:0' }],
  },
  {
    name: '# escape=` : the backtick continues the head, a trailing backslash does not',
    text: '# escape=`\nFROM a\nRUN cat `\n  <<EOF\nC:\\dir\\\nEOF\nRUN echo \\\n<<NOT\nNOT\n',
    escapeChar: '`',
    expected: [{ command: 'RUN', name: 'EOF', opener: '3:<<EOF', nameText: 'EOF', body: '4-4', closing: '5:0' }],
  },
  {
    name: 'a line ending in two escape characters does not continue (BuildKit)',
    text: 'FROM a\nRUN dir C:\\\\\n  <<EOF\nx\nEOF\n',
    expected: [],
  },
  {
    name: 'ADD',
    text: 'FROM a\nADD --chmod=644 <<EOF /index.html\n<p>hi</p>\nEOF\n',
    expected: [{ command: 'ADD', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: '2-2', closing: '3:0' }],
  },
  {
    name: 'ONBUILD RUN and ONBUILD COPY read their trigger',
    text: "FROM a\nONBUILD RUN <<EOF\necho later\nEOF\nonbuild copy <<'F' /f\nx\nF\n",
    expected: [
      { command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: '2-2', closing: '3:0' },
      { command: 'COPY', name: 'F', opener: "4:<<'F'", nameText: 'F', body: '5-5', closing: '6:0', quoted: true },
    ],
  },
  {
    name: '<< EOF: spaces after << belong to the opener',
    text: 'FROM a\nRUN cat << EOF > /x\nbody\nEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<< EOF', nameText: 'EOF', body: '2-2', closing: '3:0' }],
  },
  {
    name: 'flags with quoted spaces and variables before the opener',
    text: 'FROM a\nRUN --mount=type=secret,id="a b" --network=none echo "${X:-y z}" <<EOF\n$X\nEOF\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: '2-2', closing: '3:0' }],
  },
  {
    name: 'a body line that looks like an opener opens nothing',
    text: 'FROM a\nRUN <<EOF\nRUN <<INNER\nEOF\nINNER\n',
    expected: [{ command: 'RUN', name: 'EOF', opener: '1:<<EOF', nameText: 'EOF', body: '2-2', closing: '3:0' }],
  },
  {
    name: 'the malformed opener RUN <<-"EOF"" ] does not lex: no here-document (dockerfile-ast 0.7.1 threw here)',
    text: 'RUN <<-"EOF"" ]\n\tEOF\n',
    expected: [],
  },
  {
    name: 'the same malformed opener continued over two lines',
    text: 'FROM a\nRUN <<-"EOF"" \\\n ]\nEOF\n',
    expected: [],
  },
  { name: '<<- EOF is no opener (the space splits the word)', text: 'FROM a\nRUN cat <<- EOF\nx\nEOF\n', expected: [] },
  { name: 'exec form takes none', text: 'FROM a\nRUN ["cat", "<<EOF"]\nEOF\n', expected: [] },
  { name: 'a quoted << is text', text: 'FROM a\nRUN echo "<<EOF" \'<<X\'\nEOF\n', expected: [] },
  { name: 'a here-string <<< is no opener', text: 'FROM a\nRUN cat <<<EOF\n', expected: [] },
  { name: 'other instructions take none', text: 'FROM a\nUSER <<EOF\nEOF\nLABEL a=<<EOF\n', expected: [] },
  { name: 'an unterminated quote anywhere on the head hides every opener', text: "FROM a\nRUN echo don't <<EOF\nx\nEOF\n", expected: [] },
];

describe('readHeredocs (BuildKit parser rules)', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const lines = testCase.text.split('\n');
      const found = readHeredocs(lines, testCase.escapeChar ?? '\\').map((heredoc) => describeHeredoc(lines, heredoc));
      assert.deepEqual(found, testCase.expected.map(complete));
    });
  }
});

describe('readInstructionHeredocs', () => {
  it('answers for the instruction on a given line, with the lines its head and bodies take', () => {
    const lines = 'FROM a\nRUN cat \\\n  <<A <<B\na\nA\nb\nB\nRUN true'.split('\n');
    const read = readInstructionHeredocs(lines, '\\', 1);
    assert.equal(read.headEndLine, 2);
    assert.equal(read.endLine, 6);
    assert.deepEqual(
      read.heredocs.map((heredoc) => heredoc.name),
      ['A', 'B'],
    );
    assert.deepEqual(readInstructionHeredocs(lines, '\\', 7), { headEndLine: 7, endLine: 7, heredocs: [] });
  });

  it('maps an opener split by a continuation to both lines', () => {
    const lines = 'FROM a\nRUN cat <<E\\\nOF\nx\nEOF'.split('\n');
    const [heredoc] = readInstructionHeredocs(lines, '\\', 1).heredocs;
    assert.equal(heredoc?.name, 'EOF');
    assert.deepEqual(heredoc?.nameRange, { start: { line: 1, character: 10 }, end: { line: 2, character: 2 } });
    assert.deepEqual(heredoc?.contentRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
  });
});
