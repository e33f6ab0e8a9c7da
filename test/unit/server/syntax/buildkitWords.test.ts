/**
 * The word splitter the here-document reader uses, against the behaviour of BuildKit's shell lexer
 * with raw quotes and raw escapes (what its parser uses to find openers): what stays one word, what
 * fails to lex, and where each word sits in the text.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lexBuildkitWords } from '../../../../server/src/syntax/buildkitWords';

const raw = { rawQuotes: true, rawEscapes: true };
const plain = { rawQuotes: false, rawEscapes: false };

const cases: { text: string; options: typeof raw; words: string[] | undefined }[] = [
  { text: 'RUN cat <<EOF', options: raw, words: ['RUN', 'cat', '<<EOF'] },
  { text: 'RUN << EOF  > out', options: raw, words: ['RUN', '<< EOF', '>', 'out'] },
  { text: 'RUN <<- EOF', options: raw, words: ['RUN', '<<-', 'EOF'] },
  { text: 'RUN echo "a b" \'c d\' e\\ f', options: raw, words: ['RUN', 'echo', '"a b"', "'c d'", 'e\\ f'] },
  { text: 'echo "a b" \'c d\' e\\ f', options: plain, words: ['echo', 'a b', 'c d', 'e f'] },
  { text: 'echo "x\\"y" $HOME ${A} ${B:-two words}', options: raw, words: ['echo', '"x\\"y"', '$HOME', '${A}', '${B:-two', 'words}'] },
  // A nested scan (inside `${…}`) starts the current word afresh, as BuildKit's shared buffer does.
  { text: '<<${A:-x}', options: raw, words: ['${A:-x}'] },
  { text: "echo don't", options: raw, words: undefined },
  { text: 'echo "open', options: raw, words: undefined },
  { text: 'echo ${A', options: raw, words: undefined },
  { text: 'echo ${}', options: raw, words: undefined },
  { text: 'echo ${A:#x}', options: raw, words: undefined },
  { text: 'RUN <<-"EOF"" ]', options: raw, words: undefined },
];

describe('lexBuildkitWords', () => {
  for (const testCase of cases) {
    it(`${JSON.stringify(testCase.text)} (${testCase.options.rawQuotes ? 'raw' : 'plain'})`, () => {
      assert.deepEqual(
        lexBuildkitWords(testCase.text, testCase.options)?.map((word) => word.text),
        testCase.words,
      );
    });
  }

  it('keeps where each word was read from', () => {
    const text = 'RUN  cat "a b"  <<EOF';
    const words = lexBuildkitWords(text, raw) ?? [];
    assert.deepEqual(
      words.map((word) => text.slice(word.start, word.end)),
      ['RUN', 'cat', '"a b"', '<<EOF'],
    );
  });
});
