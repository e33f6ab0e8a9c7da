import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver';
import type { Finding, Fix, Localized, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { predefinedArgNames } from '../../../docs/predefinedArgs';
import { logicalArguments } from '../../../semantics/instructionText';
import type { DockerfileModel } from '../../../semantics/model';
import { nodeCache } from '../../../syntax/nodeCache';
import { declarationsOf } from '../../../syntax/variableDeclarations';
import { globalDeclarations, namesAtEnd, stageScope } from '../../../syntax/variableScope';
import { expansionReferences } from './expansionReferences';
import { editDistance } from './spelling';

/**
 * Instructions whose words BuildKit expands itself (and checks). RUN, CMD, ENTRYPOINT, SHELL and
 * HEALTHCHECK are left to the shell at run time; EXPOSE is expanded without the check; ARG values are
 * expanded with the check deferred, and BuildKit never reports them.
 */
const checkedKeywords = new Set(['ENV', 'LABEL', 'ADD', 'COPY', 'WORKDIR', 'USER', 'VOLUME', 'STOPSIGNAL']);

/** COPY/ADD flags whose values are expanded; other flags are read literally or elsewhere. */
const expandedFlags = ['--chown=', '--chmod=', '--checksum='];

/** Platform arguments exist in the global scope only; a stage reads them after `ARG NAME`. */
const platformArgs = new Set(predefinedArgNames('platform'));

/** Proxy arguments, in any case: not reported (they are meant for RUN, where the shell reads them). */
const proxyArgs = new Set(predefinedArgNames('proxy').map((name) => name.toUpperCase()));

/**
 * What the rule knows of a stage beyond the scope model's declarations (rule policy, not scope): the
 * external image at the root of the stage's `FROM` chain, and whether the names are all knowable.
 */
interface StageFacts {
  /** Names the root image defines: its ENV as the engine told it, and the PATH BuildKit adds when it has none. */
  readonly imageNames: ReadonlySet<string>;
  /** The stage's environment is fully known (its chain starts at `scratch` or at an image whose ENV the engine told). */
  readonly known: boolean;
  /** The FROM that brings in the external image (its variables hint at the image's own ENV). */
  readonly rootFrom: Instruction;
  /** By the stage's end, a declaration with a variable name has made the scope unknowable. */
  readonly dynamic: boolean;
}

/**
 * A variable BuildKit expands in ENV, LABEL, COPY, ADD, WORKDIR, USER, VOLUME or STOPSIGNAL that no
 * ARG/ENV of the stage (or of the stages it builds on) defines expands to nothing. Which declarations
 * a stage sees is the scope model's answer (syntax/variableScope), the same hover and completion use.
 *
 * BuildKit also knows the ENV of an external base image; we do when the engine has answered about the
 * image (trusted workspaces). Otherwise, in a stage built on an external image only what the file itself proves is reported: a global ARG not redeclared in the stage, an
 * ARG/ENV of another stage, a platform argument without `ARG`, or a near miss of a defined name.
 */
export const undefinedVarRule: Rule = {
  code: 'UndefinedVar',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('UndefinedVar'),
  check: (model, context): Finding[] => {
    const escapeChar = model.escapeChar;
    const globalArgs = new Set(globalDeclarations(model).map((declaration) => declaration.name));
    // Needed only to word a finding, which most versions of a large file have none of.
    let declaredAnywhere: Set<string> | undefined;
    const facts: StageFacts[] = [];
    const findings: Finding[] = [];
    for (const stage of model.stages) {
      const scope = stageScope(model, stage);
      const base = stage.base.kind === 'stage' ? facts[stage.base.index] : undefined;
      // The engine's answer tells an external image's ENV; BuildKit adds a default PATH when it has none.
      const imageEnv = !base && stage.base.kind === 'image' ? context?.lookup?.(stage.base.name)?.env : undefined;
      const imageNames = base?.imageNames ?? new Set(['PATH', ...(imageEnv ?? []).map((entry) => entry.split('=', 1)[0] ?? '')]);
      const known = base ? base.known : stage.base.kind === 'scratch' || Array.isArray(imageEnv);
      const rootFrom = base?.rootFrom ?? stage.from;
      // `ARG ${name}=…` declares a name only the build knows: nothing after it can be judged.
      let dynamic = base?.dynamic ?? false;
      // The stage's own names declared so far; inherited ones are the scope's.
      const ownSoFar = new Set<string>();
      const isDefined = (name: string): boolean => ownSoFar.has(name) || imageNames.has(name) || scope.inherited?.lookup(name) !== undefined;
      let stageNames: Set<string> | undefined;
      let rootFromText: string | undefined;
      for (const instruction of stage.instructions) {
        const declares = declarationsOf(model, instruction);
        const references = !dynamic && checkedKeywords.has(instruction.getKeyword()) ? referencesOf(model, instruction, escapeChar) : noReferences;
        if (references.length > 0) {
          let reported: Set<string> | undefined;
          for (const reference of references) {
            const name = reference.name;
            if (isDefined(name) || reported?.has(name) || proxyArgs.has(name.toUpperCase())) {
              continue;
            }
            declaredAnywhere ??= everyDeclaredName(model);
            stageNames ??= new Set(scope.own.map((declaration) => declaration.name));
            rootFromText ??= logicalArguments(model.document, rootFrom, escapeChar);
            const where = stageNames.has(name) ? (declares.some((declaration) => declaration.name === name) ? 'self' : 'later') : declaredAnywhere.has(name) ? 'elsewhere' : 'nowhere';
            const names = new Set([...imageNames, ...namesAtEnd(scope.inherited), ...ownSoFar]);
            const verdict = undefinedMessage(name, { names, known, globalArgs, where, rootFromText });
            if (verdict) {
              (reported ??= new Set()).add(name);
              const line = instruction.getRange().start.line + reference.lineOffset;
              const range = { start: { line, character: reference.start }, end: { line, character: reference.end } };
              findings.push({ range, message: verdict.message, ...(verdict.suggestion ? { fix: renameFix(range, verdict.suggestion) } : {}) });
            }
          }
        }
        // ENV reads the environment from before the instruction, so its own names count only afterwards.
        for (const declaration of declares) {
          ownSoFar.add(declaration.name);
          dynamic ||= declaration.name.includes('$');
        }
      }
      facts.push({ imageNames, known, rootFrom, dynamic });
    }
    return findings;
  },
};

/** The names any ARG or ENV of the file declares, in any scope. */
function everyDeclaredName(model: DockerfileModel): Set<string> {
  const names = new Set(globalDeclarations(model).map((declaration) => declaration.name));
  for (const stage of model.stages) {
    stageScope(model, stage).own.forEach((declaration) => names.add(declaration.name));
  }
  return names;
}

/** A variable read, on a line counted from the instruction's first (so it holds when the node moves). */
interface RelativeReference {
  readonly name: string;
  readonly lineOffset: number;
  readonly start: number;
  readonly end: number;
}

const noReferences: readonly RelativeReference[] = [];

/** What this rule reads from a node, once per node (each version has its own nodes). */
const referencesCache = nodeCache<Instruction, readonly RelativeReference[]>();

/**
 * The variables an instruction's words read, scanned once per node. Heredoc body lines inside the
 * instruction belong to the instruction itself, so the scan depends on the node's text alone.
 */
function referencesOf(model: DockerfileModel, instruction: Instruction, escapeChar: string): readonly RelativeReference[] {
  return referencesCache.get(instruction, () => readReferences(model, instruction, escapeChar));
}

function readReferences(model: DockerfileModel, instruction: Instruction, escapeChar: string): readonly RelativeReference[] {
  if (!hasDollar(model, instruction)) {
    return noReferences;
  }
  const keyword = instruction.getKeyword();
  const first = instruction.getRange().start.line;
  const flags = keyword === 'ADD' || keyword === 'COPY' ? expandedFlags : undefined;
  const found = expansionReferences(instruction, { lines: model.lines, escapeChar, skipLines: model.heredocLines, expandedFlags: flags });
  return found.map(({ name, range }) => ({ name, lineOffset: range.start.line - first, start: range.start.character, end: range.end.character }));
}

interface ReportContext {
  readonly names: ReadonlySet<string>;
  readonly known: boolean;
  readonly globalArgs: ReadonlySet<string>;
  /** Where the file declares the name: this very instruction, later in the stage, another stage, nowhere. */
  readonly where: 'self' | 'later' | 'elsewhere' | 'nowhere';
  readonly rootFromText: string;
}

/** Replaces the name (the finding's range holds the name only, without `$` or braces). */
function renameFix(range: Range, suggestion: string): Fix {
  return { title: { en: `Change to $${suggestion}`, 'zh-cn': `改为 $${suggestion}` }, edits: [{ range, newText: suggestion }] };
}

/** Why the reference is reported, and a defined name it probably meant. */
interface Verdict {
  readonly message: Localized;
  readonly suggestion?: string;
}

function verdict(message: Localized, suggestion?: string): Verdict {
  return suggestion === undefined ? { message } : { message, suggestion };
}

/** The verdict on an undefined reference, or undefined when the base image might define it. */
function undefinedMessage(name: string, context: ReportContext): Verdict | undefined {
  if (context.globalArgs.has(name)) {
    // `ARG NODE_VERSION` picking `node:$NODE_VERSION`: that image sets ENV NODE_VERSION itself.
    if (!context.known && mentions(context.rootFromText, name)) {
      return undefined;
    }
    return verdict({
      en: `Usage of undefined variable '$${name}': the ARG before the first FROM is only visible in FROM lines; redeclare it with \`ARG ${name}\` in this stage.`,
      'zh-cn': `使用了未定义的变量“$${name}”：第一个 FROM 之前的 ARG 只在 FROM 行中可见；请在本阶段用 \`ARG ${name}\` 重新声明。`,
    });
  }
  if (platformArgs.has(name)) {
    return verdict({
      en: `Usage of undefined variable '$${name}': predefined platform arguments need \`ARG ${name}\` in the stage that uses them.`,
      'zh-cn': `使用了未定义的变量“$${name}”：预定义的平台参数需要在使用它的阶段中声明 \`ARG ${name}\`。`,
    });
  }
  if (context.where === 'later') {
    return verdict({
      en: `Usage of undefined variable '$${name}': it is declared only further down in this stage, so it is not set yet here.`,
      'zh-cn': `使用了未定义的变量“$${name}”：它在本阶段更靠后的位置才声明，此处尚未设置。`,
    });
  }
  const suggestion = nearMiss(name, context.names, context.known);
  if (suggestion) {
    const text = {
      en: `Usage of undefined variable '$${name}' (did you mean $${suggestion}?).`,
      'zh-cn': `使用了未定义的变量“$${name}”（是否想写 $${suggestion}？）。`,
    };
    return verdict(text, suggestion);
  }
  if (context.where === 'elsewhere') {
    return verdict({
      en: `Usage of undefined variable '$${name}': it is declared in another stage, and ARG/ENV do not cross into this one.`,
      'zh-cn': `使用了未定义的变量“$${name}”：它声明在其他阶段，ARG/ENV 不会跨入本阶段。`,
    });
  }
  // Otherwise only a known environment can tell: `ENV PATH=$PATH:…` may extend what a base image defines.
  if (context.known) {
    return verdict({
      en: `Usage of undefined variable '$${name}': no ARG or ENV defines it before this point, so it expands to an empty string.`,
      'zh-cn': `使用了未定义的变量“$${name}”：在此之前没有 ARG 或 ENV 定义它，会展开为空字符串。`,
    });
  }
  return undefined;
}

/**
 * A defined name the reference probably meant. With an unknown base image only a case slip or one
 * edit on a name of four letters or more counts: the image may define look-alikes of its own.
 */
function nearMiss(name: string, names: ReadonlySet<string>, known: boolean): string | undefined {
  let best: { name: string; distance: number } | undefined;
  const upper = name.toUpperCase();
  const limit = known ? Math.max(1, Math.floor(name.length / 3)) : name.length >= 4 ? 1 : 0;
  for (const candidate of names) {
    const distance = editDistance(upper, candidate.toUpperCase());
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}

function mentions(text: string, name: string): boolean {
  return new RegExp(`\\$\\{?${name}(?![A-Za-z0-9_])`).test(text);
}

function hasDollar(model: DockerfileModel, instruction: Instruction): boolean {
  const range = instruction.getRange();
  for (let line = range.start.line; line <= range.end.line; line += 1) {
    if ((model.lines[line] ?? '').includes('$')) {
      return true;
    }
  }
  return false;
}
