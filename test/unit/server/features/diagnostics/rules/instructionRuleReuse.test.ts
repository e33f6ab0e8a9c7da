/**
 * Instruction rules keep their findings on syntax nodes, and the next version reuses the nodes an edit
 * did not touch (moved to other lines). Version after version, the findings and quick fixes must be
 * exactly those of a fresh computation on a full parse, and only new nodes may be checked again.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { computeFindings } from '../../../../../../server/src/features/diagnostics/computeDiagnostics';
import { instructionRule } from '../../../../../../server/src/features/diagnostics/instructionRule';
import { allRules } from '../../../../../../server/src/features/diagnostics/rules';
import { parseChunked, type ChunkCache, type ChunkSizes } from '../../../../../../server/src/syntax/chunkedParse';

/** A boundary before every letter-led line, so every instruction is a chunk of its own. */
const tinyChunks: ChunkSizes = { minLines: 1, modulus: 1, maxLines: 1 };

/** One block with a finding (several with quick fixes) for each instruction rule. */
const block = (i: number): string =>
  [
    `FROM example/base:${i} AS s${i}`,
    `COPY --chwon=1:1 a${i} /b`,
    `COPY --chown=1 --chown=2 c${i} /d`,
    'COPY onlyone',
    'EXPOSE',
    `HEALTHCHECK --interval=abc CMD true`,
    'RUN --mount=type=bogus,target=/x echo \\',
    '    continued',
    `ARG API_TOKEN_${i}=x`,
    `ENV DB_PASSWORD=secret${i} OTHER=1`,
    'ADD --checksum=nope https://example.com/a /a',
    '',
  ].join('\n');

const insert = (line: number, text: string): TextDocumentContentChangeEvent[] => [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }];
const replaceLines = (from: number, to: number, text: string): TextDocumentContentChangeEvent[] => [{ range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, text }];

/** Findings as plain data (rule, range, message, fix), for comparison. */
function findingsOf(document: TextDocument, dockerfile: Parameters<typeof computeFindings>[0]['dockerfile']): string {
  return JSON.stringify(computeFindings({ document, dockerfile }, { rules: allRules }).map(({ rule, finding, severity }) => ({ code: rule.code, severity, ...finding })));
}

describe('instruction rules reuse findings across versions', () => {
  it('give the findings of a fresh computation after every edit (nodes reused, moved, replaced)', () => {
    let document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, [0, 1, 2, 3].map(block).join(''));
    let cache: ChunkCache | undefined = parseChunked(document, undefined, tinyChunks).cache;
    const edits = [
      insert(0, '# moves everything\n'),
      insert(5, 'RUN echo new\n\n'),
      replaceLines(1, 3, ''),
      insert(20, 'COPY --form=x a b\n'),
      // Edits inside flagged instructions: the flag is fixed, then broken another way.
      replaceLines(2, 3, 'COPY --chown=1:1 a0 /b\n'),
      replaceLines(2, 3, 'COPY --chmod=999 --link=maybe a0 /b\n'),
      insert(0, '# escape=`\n'),
      replaceLines(0, 1, ''),
      replaceLines(10, 30, ''),
      insert(0, '\n\n\n'),
    ];
    edits.forEach((changes, index) => {
      document = TextDocument.update(document, changes, index + 2);
      const result = parseChunked(document, cache, tinyChunks);
      cache = result.cache;
      const fresh = DockerfileParser.parse(document.getText());
      assert.equal(findingsOf(document, result.dockerfile), findingsOf(document, fresh), `edit ${index + 1}`);
    });
  });

  it('checks only the nodes an edit created', () => {
    const checked: number[] = [];
    const spy = instructionRule({
      code: 'SpyRule',
      defaultSeverity: 'warning',
      buildkit: false,
      docUrl: 'https://example.com/',
      checkInstruction: (_model, instruction) => {
        checked.push(instruction.getRange().start.line);
        return [{ range: instruction.getInstructionRange(), message: { en: 'seen', 'zh-cn': 'seen' } }];
      },
    });
    let document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, block(0) + block(1));
    const first = parseChunked(document, undefined, tinyChunks);
    const all = computeFindings({ document, dockerfile: first.dockerfile }, { rules: [spy] });
    assert.equal(checked.length, first.dockerfile.getInstructions().length);
    checked.length = 0;
    document = TextDocument.update(document, insert(3, 'LABEL new=1\n'), 2);
    const second = parseChunked(document, first.cache, tinyChunks);
    const again = computeFindings({ document, dockerfile: second.dockerfile }, { rules: [spy] });
    // The new LABEL, plus the chunk the insert landed in (its text changed).
    assert.ok(checked.length <= 2 && checked.includes(3), `checked lines ${checked.join(', ')}`);
    assert.equal(again.length, all.length + 1);
    // Findings of moved nodes sit on their new lines.
    const lines = again.map(({ finding }) => finding.range.start.line);
    assert.deepEqual(
      lines,
      second.dockerfile.getInstructions().map((instruction) => instruction.getRange().start.line),
    );
  });
});
