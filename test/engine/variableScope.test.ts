/**
 * The variable scope against BuildKit's own answer. Each Dockerfile (stages `FROM scratch`, metadata
 * only, so no image and no network) is built by the real engine with BuildKit over the Engine API, and
 * every `LABEL key="[$NAME]"` the final image holds is compared with what the scope model resolves
 * `$NAME` to at that spot (syntax/variableScope, which hover and completion read) and with the
 * UndefinedVar rule: what BuildKit left empty is what the model calls unset, and the rule reports
 * exactly those references no declaration reaches.
 */
import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Engine } from '../../client/src/engine/engine';
import { computeFindings } from '../../server/src/features/diagnostics/computeDiagnostics';
import { analyzeDockerfile } from '../../server/src/semantics/model';
import { explainVariable, type VariableResolution } from '../../server/src/syntax/variableScope';
import { testDocker, testEngine, testLabel, uniqueSuffix } from '../engineHelpers';
import { recordBuild, writeContext } from './buildHelpers';

interface ScopeCase {
  readonly name: string;
  readonly lines: readonly string[];
}

const cases: readonly ScopeCase[] = [
  { name: 'an ARG of the stage a stage is built FROM', lines: ['FROM scratch AS a', 'ARG X=1', 'FROM a', 'LABEL x="[$X]"'] },
  { name: 'an ARG two stages up', lines: ['FROM scratch AS a', 'ARG X=1', 'FROM a AS b', 'FROM b', 'LABEL x="[$X]"'] },
  { name: 'the ARG of an unrelated stage', lines: ['FROM scratch AS a', 'ARG X=1', 'LABEL keep=a', 'FROM scratch', 'LABEL x="[$X]"'] },
  { name: 'ARG then ENV of one name', lines: ['FROM scratch', 'ARG X=arg', 'ENV X=env', 'LABEL x="[$X]"'] },
  { name: 'ENV then ARG of one name', lines: ['FROM scratch', 'ENV X=env', 'ARG X=arg', 'LABEL x="[$X]"'] },
  { name: "the parent's ENV, the child's ARG", lines: ['FROM scratch AS a', 'ENV X=env', 'FROM a', 'ARG X=arg', 'LABEL x="[$X]"'] },
  { name: "the parent's ARG, the child's ENV", lines: ['FROM scratch AS a', 'ARG X=arg', 'FROM a', 'ENV X=env', 'LABEL x="[$X]"'] },
  { name: 'a valueless ARG keeps the inherited value', lines: ['FROM scratch AS a', 'ARG X=1', 'FROM a', 'ARG X', 'LABEL x="[$X]"'] },
  { name: 'a valueless ARG takes the global default first', lines: ['ARG X=g', 'FROM scratch AS a', 'ARG X=1', 'FROM a', 'ARG X', 'LABEL x="[$X]"'] },
  { name: 'a valueless ARG with nothing before it', lines: ['FROM scratch', 'ARG X', 'LABEL x="[$X]"'] },
  { name: 'a global ARG not redeclared', lines: ['ARG X=g', 'FROM scratch', 'LABEL x="[$X]"'] },
  { name: 'a global ARG redeclared in the parent stage only', lines: ['ARG X=g', 'FROM scratch AS a', 'ARG X', 'FROM a', 'LABEL x="[$X]"'] },
  { name: 'an ARG declared only further down', lines: ['FROM scratch', 'LABEL x="[$X]"', 'ARG X=1', 'LABEL y="[$X]"'] },
  { name: 'platform ARGs without, with and through a parent', lines: ['FROM scratch AS a', 'ARG TARGETARCH', 'FROM a', 'ARG TARGETOS BUILDARCH', 'LABEL os="[$TARGETOS]" arch="[$TARGETARCH]" build="[$BUILDARCH]" platform="[$TARGETPLATFORM]"'] },
  { name: 'ARG and ENV set through a chain, with a later ENV in between', lines: ['FROM scratch AS a', 'ARG A=1', 'ENV E=e', 'FROM a AS b', 'ENV A=2', 'FROM b', 'LABEL a="[$A]" e="[${E}]"'] },
];

/** What the model says the engine expands `$NAME` to: a value, "set to something", or empty. */
type Prediction = { readonly kind: 'value'; readonly value: string } | { readonly kind: 'set' } | { readonly kind: 'empty'; readonly declared: boolean };

function predict(resolution: VariableResolution): Prediction | undefined {
  switch (resolution.kind) {
    case 'defined': {
      const value = resolution.globalDefault?.value ?? resolution.earlierValue?.value ?? resolution.definition.value;
      if (value === undefined) {
        return { kind: 'empty', declared: true };
      }
      // A value that reads other variables is the engine's to expand: only that it is set is compared.
      return value.includes('$') ? { kind: 'set' } : { kind: 'value', value };
    }
    case 'predefined':
      if (resolution.declaration) {
        return { kind: 'set' };
      }
      return resolution.needsDeclaration ? { kind: 'empty', declared: false } : undefined;
    case 'globalOnly':
    case 'undefined':
      return { kind: 'empty', declared: false };
  }
}

/** Every `key="[$NAME]"` of the Dockerfile's LABEL lines, with the line it is on. */
function labelReferences(lines: readonly string[]): { key: string; name: string; line: number }[] {
  return lines.flatMap((text, line) => (text.startsWith('LABEL ') ? [...text.matchAll(/(\w+)="\[\$\{?(\w+)\}?\]"/g)].map((match) => ({ key: match[1] ?? '', name: match[2] ?? '', line })) : []));
}

describe('variable scope: the model and UndefinedVar against BuildKit', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const folders: string[] = [];
  const tags: string[] = [];
  let engine: Engine;

  before(() => {
    engine = testEngine(60_000);
  });

  after(async () => {
    for (const tag of tags) {
      await docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    }
    folders.forEach((folder) => rmSync(folder, { recursive: true, force: true }));
  });

  cases.forEach((scopeCase, index) => {
    it(scopeCase.name, async () => {
      const text = `${scopeCase.lines.join('\n')}\n`;
      const folder = writeContext({ Dockerfile: text });
      folders.push(folder);
      const tag = `berthwise-test/variable-scope:${suffix}-${index}`;
      tags.push(tag);
      const build = await recordBuild(engine, { context: { directory: folder, dockerfile: 'Dockerfile' }, tag, networkMode: 'none', noCache: true, labels: { [testLabel]: 'true' }, transfer: 'tar' });
      assert.equal(build.error, undefined, build.error?.message);
      assert.equal(build.result?.builder, 'buildkit');
      const labels = (await docker.getImage(tag).inspect()).Config.Labels ?? {};

      const document = TextDocument.create('file:///engine/Dockerfile', 'dockerfile', 1, text);
      const dockerfile = DockerfileParser.parse(text);
      const model = analyzeDockerfile({ document, dockerfile });
      const flagged = new Set(
        computeFindings({ document, dockerfile }, {})
          .filter(({ rule }) => rule.code === 'UndefinedVar')
          .map(({ finding }) => `${finding.range.start.line}:${(scopeCase.lines[finding.range.start.line] ?? '').slice(finding.range.start.character, finding.range.end.character)}`),
      );
      const references = labelReferences(scopeCase.lines);
      assert.ok(references.length > 0, 'the case has labels to compare');
      for (const { key, name, line } of references) {
        const engineValue = labels[key];
        assert.ok(engineValue !== undefined, `the image has label ${key}: ${JSON.stringify(labels)}`);
        const expanded = engineValue.slice(1, -1);
        const prediction = predict(explainVariable(model, name, line));
        const where = `$${name} on line ${line + 1}, BuildKit expanded it to "${expanded}"`;
        assert.ok(prediction, `the model predicts ${where}`);
        if (prediction.kind === 'value') {
          assert.equal(expanded, prediction.value, where);
        } else if (prediction.kind === 'set') {
          assert.notEqual(expanded, '', where);
        } else {
          assert.equal(expanded, '', where);
        }
        // The rule reports a reference no ARG/ENV reaches; a declared ARG without a value is no mistake.
        const unreached = prediction.kind === 'empty' && !prediction.declared;
        assert.equal(flagged.has(`${line}:${name}`), unreached, `UndefinedVar for ${where}`);
      }
    });
  });
});
