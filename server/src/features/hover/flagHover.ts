import { ModifiableInstruction, type Flag, type Instruction } from 'dockerfile-ast';
import type { Hover, Position, Range } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import { lookupDoc, type DocLocale } from '../../docs';
import { flagKey, mountTypeKey } from '../../docs/keys';
import { renderDocMarkdown } from '../../docs/render';
import { contains } from '../../util/ranges';
import { markdownHover } from './markdown';
import type { DockerfileModel } from '../../semantics/model';
import { stageReferenceHover } from './stageHover';

/** One `key=value` inside a flag value (dockerfile-ast does not export its class name). */
type FlagOption = ReturnType<Flag['getOptions']>[number];

function docHover(key: string, range: Range, locale: DocLocale): Hover | null {
  const entry = lookupDoc(locale, key);
  return entry ? markdownHover(renderDocMarkdown(entry, locale), range) : null;
}

/** `--name` including its dashes, so hovering the `--` works too. */
function flagNameRange(flag: Flag): Range {
  return { start: flag.getRange().start, end: flag.getNameRange().end };
}

/** Hover inside the value of `--mount=`: a stage for `from=`, otherwise the entry of the mount's type. */
function mountOptionHover(parsed: ParsedDocument, flag: Flag, option: FlagOption, position: Position, locale: DocLocale, model: DockerfileModel): Hover | null {
  const valueRange = option.getValueRange();
  if (option.getName() === 'from' && valueRange && contains(valueRange, position)) {
    return stageReferenceHover(parsed, model, option.getValue() ?? '', valueRange, locale);
  }
  // A mount without `type=` is a bind mount.
  const type = flag.getOption('type')?.getValue() ?? 'bind';
  return docHover(mountTypeKey(type), option.getRange(), locale) ?? docHover(flagKey('RUN', 'mount'), option.getRange(), locale);
}

/**
 * Hover on a flag of an instruction: `--from`, `--mount` … show their entry; `type=cache` and the
 * other keys of a mount show the mount type's entry; a stage named by `--from=` shows its FROM line.
 */
export function flagHover(parsed: ParsedDocument, instruction: Instruction, position: Position, locale: DocLocale, model: DockerfileModel): Hover | null {
  if (!(instruction instanceof ModifiableInstruction)) {
    return null;
  }
  const keyword = instruction.getKeyword();
  for (const flag of instruction.getFlags()) {
    if (!contains(flag.getRange(), position)) {
      continue;
    }
    const nameRange = flagNameRange(flag);
    if (contains(nameRange, position)) {
      return docHover(flagKey(keyword, flag.getName()), nameRange, locale);
    }
    const valueRange = flag.getValueRange();
    if (!valueRange || !contains(valueRange, position)) {
      return null;
    }
    if (keyword === 'RUN' && flag.getName() === 'mount') {
      const option = flag.getOptions().find((candidate) => contains(candidate.getRange(), position));
      return option ? mountOptionHover(parsed, flag, option, position, locale, model) : null;
    }
    if (keyword === 'COPY' && flag.getName() === 'from') {
      return stageReferenceHover(parsed, model, flag.getValue() ?? '', valueRange, locale);
    }
    return null;
  }
  return null;
}
