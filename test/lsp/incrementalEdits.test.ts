/**
 * After a series of incremental edits to a large Dockerfile, every answer is the same as for the
 * final text opened fresh: diagnostics, document symbols, references, definitions and hovers.
 * (editEquivalence.test.ts does the same with random edits over the whole corpus.)
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { DiagnosticsWatcher } from './diagnosticsWatcher';
import { startServer, type LspSession } from './lspClient';

/** Stages that trip several rules, refer to each other and to variables, with heredocs and comments. */
function largeDockerfile(stages: number): string {
  const out = ['ARG BASE=alpine', 'ARG UNUSED'];
  for (let i = 0; i < stages; i += 1) {
    out.push(
      `FROM \${BASE} AS s${i % 40 === 7 ? 'dup' : i}`,
      'MAINTAINER someone',
      `ARG VERSION_${i}=1.${i}`,
      `ENV HOME_${i}=/opt/\${VERSION_${i}} MODE legacy`,
      '# berthwise-ignore=WorkdirRelativePath',
      'WORKDIR relative',
      i > 0 ? `COPY --from=s${i - 1} /out /in` : 'COPY --from=nowhere /a /b',
      'RUN <<EOF',
      `echo $HOME_${i} $UNDEFINED_${i}`,
      'EOF',
      'RUN cd /tmp && apt-get update \\',
      '    && echo done',
      `CMD echo \${VERSION_${i}}`,
      '',
    );
  }
  return out.join('\n');
}

/** Positions on variable uses, stage references and instructions across the file. */
function probePositions(text: string): { line: number; character: number }[] {
  const probes: { line: number; character: number }[] = [];
  text.split('\n').forEach((lineText, line) => {
    for (const pattern of [/\$\{?[A-Z]/, /--from=s/, /^CMD/, /AS s/]) {
      const match = pattern.exec(lineText);
      if (match && line % 37 === 0) {
        probes.push({ line, character: match.index + match[0].length });
      }
    }
  });
  return probes;
}

const at = (line: number, character = 0): { line: number; character: number } => ({ line, character });

describe('incremental edits over stdio', () => {
  let session: LspSession;
  let watcher: DiagnosticsWatcher;
  before(async () => {
    session = await startServer();
    watcher = new DiagnosticsWatcher(session);
  });
  after(async () => {
    await session.close();
  });

  it('answers an edited document exactly as the same text opened fresh', async () => {
    const edited = 'file:///w/incremental/edited/Dockerfile';
    const fresh = 'file:///w/incremental/fresh/Dockerfile';
    let document = TextDocument.create(edited, 'dockerfile', 1, largeDockerfile(200));
    await session.open(edited, document.getText());
    await watcher.waitFor(edited, (p) => p.version === 1, 20_000);
    // Requests on the first version fill whatever the server caches, before the edits.
    const warm = async (text: string): Promise<void> => {
      for (const position of probePositions(text)) {
        await session.connection.sendRequest('textDocument/references', { textDocument: { uri: edited }, position, context: { includeDeclaration: true } });
        await session.connection.sendRequest('textDocument/hover', { textDocument: { uri: edited }, position });
      }
    };
    await warm(document.getText());
    const edits: TextDocumentContentChangeEvent[][] = [
      // A new stage near the top: every later stage changes its index, every later line moves.
      [{ range: { start: at(2), end: at(2) }, text: 'FROM busybox AS inserted\nRUN true\n' }],
      // Typing inside an instruction in the middle.
      [{ range: { start: at(1400, 4), end: at(1400, 4) }, text: 'x' }],
      // Lines removed further down (everything below moves up).
      [{ range: { start: at(2000), end: at(2003) }, text: '' }],
      // An unterminated heredoc swallows what follows, then is closed again.
      [{ range: { start: at(500), end: at(500) }, text: 'RUN <<OPEN\n' }],
      [{ range: { start: at(520), end: at(520) }, text: 'OPEN\n' }],
      // A continuation at the end of a line joins the next instruction to it.
      [{ range: { start: at(900, 0), end: at(900, 0) }, text: 'LABEL joined=yes \\\n' }],
    ];
    for (const [index, changes] of edits.entries()) {
      const version = index + 2;
      document = TextDocument.update(document, changes, version);
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: edited, version }, contentChanges: changes });
      // Each version is diagnosed, not only the last.
      await watcher.waitFor(edited, (p) => p.version === version, 20_000);
    }
    const finalVersion = edits.length + 1;
    const afterEdits = await watcher.waitFor(edited, (p) => p.version === finalVersion, 20_000);
    await session.open(fresh, document.getText());
    const opened = await watcher.waitFor(fresh, (p) => p.version === 1, 20_000);
    assert.ok(opened.diagnostics.length > 400, `expected many findings, got ${opened.diagnostics.length}`);
    assert.deepEqual(afterEdits.diagnostics, opened.diagnostics);

    const ask = async (method: string, uri: string, extra: Record<string, unknown> = {}): Promise<string> =>
      JSON.stringify(await session.connection.sendRequest(method, { textDocument: { uri }, ...extra })).replaceAll(edited, fresh);
    assert.equal(await ask('textDocument/documentSymbol', edited), await ask('textDocument/documentSymbol', fresh));
    const probes = probePositions(document.getText());
    assert.ok(probes.length > 20, `only ${probes.length} probe positions`);
    for (const position of probes) {
      for (const method of ['textDocument/definition', 'textDocument/references', 'textDocument/hover']) {
        const extra = { position, ...(method === 'textDocument/references' ? { context: { includeDeclaration: true } } : {}) };
        assert.equal(await ask(method, edited, extra), await ask(method, fresh, extra), `${method} at ${position.line}:${position.character}`);
      }
    }
  });
});
