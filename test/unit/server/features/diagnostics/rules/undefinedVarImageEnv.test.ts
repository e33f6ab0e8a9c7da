import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { computeFindings } from '../../../../../../server/src/features/diagnostics/computeDiagnostics';
import type { ImageConfigLookup } from '../../../../../../server/src/semantics/imageConfig';

/** An engine that has one image, with the ENV a JDK image declares. */
const engine: ImageConfigLookup = (image) =>
  image === 'eclipse-temurin:21'
    ? { cmd: ['jshell'], entrypoint: null, shell: null, env: ['PATH=/opt/java/openjdk/bin:/usr/bin', 'JAVA_HOME=/opt/java/openjdk', 'LANG=en_US.UTF-8'] }
    : null;

function undefinedVars(text: string, lookup?: ImageConfigLookup): string[] {
  const parsed = { document: TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, text), dockerfile: DockerfileParser.parse(text) };
  return computeFindings(parsed, lookup ? { lookup } : {})
    .filter(({ rule }) => rule.code === 'UndefinedVar')
    .map(({ finding }) => `${finding.range.start.line + 1} ${finding.message.en}`);
}

describe('UndefinedVar with the engine\'s answer about the base image', () => {
  it('knows the image\'s ENV: a near miss gets its suggestion, a name it lacks is reported', () => {
    const text = 'FROM eclipse-temurin:21\nENV PATH=$JAVA_HOM/bin:$PATH\nWORKDIR $APP_DIR\nENV X=$LANG\n';
    assert.deepEqual(undefinedVars(text, engine), [
      "2 Usage of undefined variable '$JAVA_HOM' (did you mean $JAVA_HOME?).",
      "3 Usage of undefined variable '$APP_DIR': no ARG or ENV defines it before this point, so it expands to an empty string.",
    ]);
  });
  it('stays silent about what the image might define while nobody has answered, or the engine lacks the image', () => {
    const text = 'FROM eclipse-temurin:21\nWORKDIR $APP_DIR\n';
    assert.deepEqual(undefinedVars(text), []);
    assert.deepEqual(undefinedVars(text.replace(':21', ':22'), engine), []);
  });
  it('carries the image\'s ENV into stages built on it', () => {
    const text = 'FROM eclipse-temurin:21 AS jdk\nFROM jdk\nWORKDIR $JAVA_HOME\nWORKDIR $APP_DIR\n';
    assert.deepEqual(undefinedVars(text, engine).map((line) => line.split(' ')[0]), ['4']);
  });
});
