import { From, type Instruction } from 'dockerfile-ast';
import type { Hover, Position } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import { lookupDoc, type DocLocale } from '../../docs';
import { healthcheckNoneKey } from '../../docs/keys';
import { renderDocMarkdown } from '../../docs/render';
import { contains } from '../../util/ranges';
import { markdownHover } from './markdown';
import { describeStage } from './stageHover';
import { findStageReference, type DockerfileModel } from '../../semantics/model';

/** `FROM <stage>` names an earlier stage; `FROM … AS <name>` defines one. Both show the stage. */
function fromHover(parsed: ParsedDocument, from: From, position: Position, locale: DocLocale, model: DockerfileModel): Hover | null {
  const imageRange = from.getImageNameRange();
  const image = from.getImageName();
  if (imageRange && image && contains(imageRange, position)) {
    const stage = findStageReference(model, image, from.getRange().start.line);
    // `FROM 0` is an image called 0, never a stage index.
    return stage && stage.name === image.toLowerCase() ? markdownHover(describeStage(parsed, stage, locale), imageRange) : null;
  }
  const nameRange = from.getBuildStageRange();
  if (nameRange && contains(nameRange, position)) {
    const stage = model.stages.find((candidate) => candidate.from === from);
    return stage ? markdownHover(describeStage(parsed, stage, locale), nameRange) : null;
  }
  return null;
}

/** Hover on instruction arguments that carry meaning of their own: stage names in FROM and `HEALTHCHECK NONE`. */
export function argumentHover(parsed: ParsedDocument, instruction: Instruction, position: Position, locale: DocLocale, model: DockerfileModel): Hover | null {
  if (instruction instanceof From) {
    return fromHover(parsed, instruction, position, locale, model);
  }
  if (instruction.getKeyword() === 'HEALTHCHECK') {
    const none = instruction.getArguments().find((argument) => argument.getValue().toUpperCase() === 'NONE' && contains(argument.getRange(), position));
    const entry = none ? lookupDoc(locale, healthcheckNoneKey) : undefined;
    return none && entry ? markdownHover(renderDocMarkdown(entry, locale), none.getRange()) : null;
  }
  return null;
}
