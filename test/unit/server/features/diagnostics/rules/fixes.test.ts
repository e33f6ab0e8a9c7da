import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver';
import { provideCodeActions } from '../../../../../../server/src/features/codeActions/provideCodeActions';
import { computeDiagnostics } from '../../../../../../server/src/features/diagnostics/computeDiagnostics';
import type { ParsedDocument } from '../../../../../../server/src/documentStore';

function parsedOf(text: string, version = 1): ParsedDocument {
  const document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', version, text);
  return { uri: document.uri, version, document, dockerfile: DockerfileParser.parse(text) };
}

function diagnosticsOf(text: string): Diagnostic[] {
  return computeDiagnostics(parsedOf(text), { locale: 'en' });
}

/** Applies the quick fix for `code` and returns the new text. */
function applyFix(text: string, code: string): string {
  const parsed = parsedOf(text);
  const diagnostic = diagnosticsOf(text).find((candidate) => candidate.code === code);
  assert.ok(diagnostic, `expected a ${code} diagnostic`);
  const actions = provideCodeActions(parsed, { textDocument: { uri: parsed.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, { locale: 'en' });
  const action = actions.find((candidate) => candidate.diagnostics?.[0]?.code === code);
  const edits = action?.edit?.changes?.[parsed.uri];
  assert.ok(edits, `expected a quick fix for ${code}`);
  return TextDocument.applyEdits(parsed.document, edits);
}

function codes(text: string): string[] {
  return diagnosticsOf(text).map((diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line}`).sort();
}

const fixCases = [
  { code: 'BaseNameCasing', text: 'FROM scratch AS base\nFROM Base\n', fixed: 'FROM scratch AS base\nFROM base\n' },
  { code: 'EmptyCommand', text: 'FROM alpine\ncmd\n', fixed: 'FROM alpine\ncmd []\n' },
  { code: 'LoneCarriageReturn', text: 'FROM alpine\rRUN true\r\nRUN false\r', fixed: 'FROM alpine\nRUN true\r\nRUN false\n' },
  { code: 'UnterminatedHeredoc', text: 'FROM alpine\nRUN <<EOF\necho hi\n  EOF\n', fixed: 'FROM alpine\nRUN <<EOF\necho hi\nEOF\n' },
  { code: 'UnterminatedHeredoc', text: 'FROM alpine\nRUN <<EOF\necho hi\n', fixed: 'FROM alpine\nRUN <<EOF\necho hi\nEOF\n' },
  { code: 'UnterminatedHeredoc', text: 'FROM alpine\nRUN <<EOF\necho hi', fixed: 'FROM alpine\nRUN <<EOF\necho hi\nEOF\n' },
  { code: 'EscapedEscapeAtLineEnd', text: 'FROM alpine\nRUN make \\\\\n  && make install\n', fixed: 'FROM alpine\nRUN make \\\n  && make install\n' },
  { code: 'JSONArgsRecommended', text: 'FROM alpine\nCMD node server.js --port 80\n', fixed: 'FROM alpine\nCMD ["node", "server.js", "--port", "80"]\n' },
  { code: 'JSONArgsRecommended', text: 'FROM alpine\nCMD exec node "my app.js" \'a"b\' c\\\\d\n', fixed: 'FROM alpine\nCMD ["node", "my app.js", "a\\"b", "c\\\\d"]\n' },
  { code: 'JSONArgsRecommended', text: 'FROM alpine\nENTRYPOINT /app \\\n  --flag\n', fixed: 'FROM alpine\nENTRYPOINT ["/app", "--flag"]\n' },
  { code: 'InvalidJsonExecForm', text: "FROM alpine\nCMD ['node', 'a \"b\".js']\n", fixed: 'FROM alpine\nCMD ["node", "a \\"b\\".js"]\n' },
  { code: 'InvalidJsonExecForm', text: 'FROM alpine\nCMD [\u201cnode\u201d, \u201capp.js\u201d]\n', fixed: 'FROM alpine\nCMD ["node", "app.js"]\n' },
  { code: 'InvalidJsonExecForm', text: 'FROM alpine\nCMD ["node" "app.js"]\n', fixed: 'FROM alpine\nCMD ["node", "app.js"]\n' },
  { code: 'MaintainerDeprecated', text: 'FROM alpine\nMAINTAINER Jo "J" <jo@example.com>\n', fixed: 'FROM alpine\nLABEL org.opencontainers.image.authors="Jo \\"J\\" <jo@example.com>"\n' },
  { code: 'LegacyKeyValueFormat', text: 'FROM alpine\nENV PATH /usr/local/bin:$PATH\n', fixed: 'FROM alpine\nENV PATH=/usr/local/bin:$PATH\n' },
  { code: 'LegacyKeyValueFormat', text: 'FROM alpine\nLABEL description a small image\n', fixed: 'FROM alpine\nLABEL description="a small image"\n' },
  { code: 'LegacyKeyValueFormat', text: 'FROM alpine\nENV GREETING hello world\n', fixed: 'FROM alpine\nENV GREETING="hello world"\n' },
  { code: 'UnknownInstruction', text: 'FROM alpine\nLABLE a=b\n', fixed: 'FROM alpine\nLABEL a=b\n' },
  { code: 'UnknownInstruction', text: 'FROM alpine\nRUNN true\n', fixed: 'FROM alpine\nRUN true\n' },
  { code: 'UnknownInstruction', text: 'FROM alpine\nCMD["sh", "-c", "x"]\n', fixed: 'FROM alpine\nCMD ["sh", "-c", "x"]\n' },
  { code: 'ShellEntrypointIgnoresCmd', text: 'FROM alpine\nENTRYPOINT ["x"]\nENTRYPOINT /app\nCMD ["--v"]\n', fixed: 'FROM alpine\nENTRYPOINT ["x"]\nENTRYPOINT ["/app"]\nCMD ["--v"]\n' },
  { code: 'StageNameCasing', text: 'FROM alpine AS Build\n', fixed: 'FROM alpine AS build\n' },
  { code: 'ConsistentInstructionCasing', text: 'FROM alpine\nrun true\nRUN false\n', fixed: 'FROM alpine\nRUN true\nRUN false\n' },
  { code: 'FromAsCasing', text: 'FROM alpine as build\n', fixed: 'FROM alpine AS build\n' },
  { code: 'AddLocalFile', text: 'FROM alpine\nADD app.py /app/\n', fixed: 'FROM alpine\nCOPY app.py /app/\n' },
  { code: 'CopyFromUnknownStage', text: 'FROM alpine AS builder\nFROM alpine\nCOPY --from=buidler /a /b\n', fixed: 'FROM alpine AS builder\nFROM alpine\nCOPY --from=builder /a /b\n' },
  { code: 'NoEmptyContinuation', text: 'FROM alpine\nRUN a \\\n\n  && b \\\n  \n  && c\n', fixed: 'FROM alpine\nRUN a \\\n  && b \\\n  && c\n' },
  { code: 'NoEmptyContinuation', text: 'FROM alpine\nRUN a \\\n\n  && b\n', fixed: 'FROM alpine\nRUN a \\\n  && b\n' },
  { code: 'UnknownFlag', text: 'FROM alpine\nCOPY --chwon=app:app \\\n  a /b\n', fixed: 'FROM alpine\nCOPY --chown=app:app \\\n  a /b\n' },
  { code: 'UndefinedVar', text: 'FROM scratch\nARG VERSION=1\nCOPY $VERSON /x\n', fixed: 'FROM scratch\nARG VERSION=1\nCOPY $VERSION /x\n' },
  { code: 'UndefinedVar', text: 'FROM alpine\nARG APP_HOME=/app\nWORKDIR ${app_home:-/srv}\n', fixed: 'FROM alpine\nARG APP_HOME=/app\nWORKDIR ${APP_HOME:-/srv}\n' },
  { code: 'DuplicateFlag', text: 'FROM alpine\nCOPY --chown=a:a --chown=b:b x /y\n', fixed: 'FROM alpine\nCOPY --chown=a:a x /y\n' },
  { code: 'DuplicateFlag', text: 'FROM alpine\nRUN --network=none --network=host \\\n  true\n', fixed: 'FROM alpine\nRUN --network=none \\\n  true\n' },
];

describe('quick fixes: apply the edit, re-validate', () => {
  for (const fixCase of fixCases) {
    it(`${fixCase.code}: ${JSON.stringify(fixCase.text)}`, () => {
      const fixed = applyFix(fixCase.text, fixCase.code);
      assert.equal(fixed, fixCase.fixed);
      const before = codes(fixCase.text);
      const after = codes(fixed);
      const line = diagnosticsOf(fixCase.text).find((d) => d.code === fixCase.code)?.range.start.line;
      assert.ok(!after.includes(`${fixCase.code}@${String(line)}`), `${fixCase.code} is gone`);
      assert.deepEqual(after.filter((entry) => !before.includes(entry)), [], 'nothing new appeared');
    });
  }
  const noFixCases = [
    { code: 'JSONArgsRecommended', text: 'FROM alpine\nCMD node app.js && echo done\n' },
    { code: 'JSONArgsRecommended', text: 'FROM alpine\nCMD echo $HOME\n' },
    { code: 'JSONArgsRecommended', text: 'FROM alpine\nCMD cd /app; ./run\n' },
    { code: 'JSONArgsRecommended', text: 'FROM alpine\nCMD FOO=1 run\n' },
  ];
  for (const noFix of noFixCases) {
    it(`no exec-form fix when the shell is needed: ${JSON.stringify(noFix.text)}`, () => {
      const parsed = parsedOf(noFix.text);
      const diagnostic = diagnosticsOf(noFix.text).find((candidate) => candidate.code === noFix.code);
      assert.ok(diagnostic);
      const actions = provideCodeActions(parsed, { textDocument: { uri: parsed.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, { locale: 'en' });
      assert.deepEqual(actions, []);
    });
  }
  it('offers nothing for diagnostics the client did not send', () => {
    const parsed = parsedOf('FROM alpine\nMAINTAINER x\n');
    const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } };
    assert.deepEqual(provideCodeActions(parsed, { textDocument: { uri: parsed.uri }, range, context: { diagnostics: [] } }, { locale: 'en' }), []);
  });
  it('titles are localized', () => {
    const text = 'FROM alpine\nMAINTAINER x\n';
    const parsed = parsedOf(text);
    const diagnostic = diagnosticsOf(text)[0];
    assert.ok(diagnostic);
    const [action] = provideCodeActions(parsed, { textDocument: { uri: parsed.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, { locale: 'zh-cn' });
    assert.match(action?.title ?? '', /替换/);
  });
});
