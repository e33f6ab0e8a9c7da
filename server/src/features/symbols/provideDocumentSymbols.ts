/**
 * Hierarchical outline: parser directives and global ARGs at the top level, then one node per build
 * stage (named by its `AS` name, else its image) with the stage's instructions as children, and the
 * variables of ARG/ENV under their instruction.
 */
import { Arg, Env, type Instruction } from 'dockerfile-ast';
import { SymbolKind, SymbolTag, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lineText } from '../../syntax/lines';
import { getModel, type DockerfileModel } from '../../semantics/model';
import type { Stage } from '../../semantics/stages';
import { declarationsOf } from '../../syntax/variableDeclarations';

const detailLength = 60;

/** The document's outline. */
export function provideDocumentSymbols(parsed: ParsedDocument): DocumentSymbol[] {
  const model = getModel(parsed);
  const symbols: DocumentSymbol[] = model.dockerfile.getDirectives().map((directive) => ({
    name: `# ${directive.getName()}`,
    detail: directive.getValue(),
    kind: SymbolKind.Property,
    range: directive.getRange(),
    selectionRange: directive.getNameRange(),
  }));
  symbols.push(...model.globalInstructions.map((instruction) => instructionSymbol(model, instruction)));
  symbols.push(...model.stages.map((stage) => stageSymbol(model, stage)));
  return symbols;
}

function stageSymbol(model: DockerfileModel, stage: Stage): DocumentSymbol {
  const image = stage.from.getImage() ?? '';
  const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
  const range: Range = { start: stage.from.getRange().start, end: last.getRange().end };
  return {
    name: stage.writtenName ?? (image || `stage ${stage.index}`),
    detail: stage.writtenName ? `FROM ${image}` : `stage ${stage.index}`,
    kind: SymbolKind.Class,
    range,
    selectionRange: stage.nameRange ?? stage.from.getImageRange() ?? stage.from.getInstructionRange(),
    children: [stage.from, ...stage.instructions].map((instruction) => instructionSymbol(model, instruction)),
  };
}

function instructionSymbol(model: DockerfileModel, instruction: Instruction): DocumentSymbol {
  const keyword = instruction.getKeyword();
  const symbol: DocumentSymbol = {
    name: keyword,
    detail: summarize(model.document, instruction, model.escapeChar),
    kind: kindOf(keyword),
    range: instruction.getRange(),
    selectionRange: instruction.getInstructionRange(),
  };
  if (keyword === 'MAINTAINER') {
    symbol.tags = [SymbolTag.Deprecated];
  }
  if (instruction instanceof Arg || instruction instanceof Env) {
    symbol.children = declarationsOf(model, instruction).map((declaration) => ({
      name: declaration.name,
      detail: declaration.value ?? '',
      kind: instruction instanceof Arg ? SymbolKind.Variable : SymbolKind.Constant,
      range: declaration.nameRange,
      selectionRange: declaration.nameRange,
    }));
  }
  return symbol;
}

/** The first line of the arguments, shortened, so large RUN blocks stay readable in the outline. */
function summarize(document: TextDocument, instruction: Instruction, escapeChar: string): string {
  const range = instruction.getArgumentsRange();
  if (!range) {
    return '';
  }
  let first = lineText(document, range.start.line).slice(range.start.character).trim();
  if (first.endsWith(escapeChar)) {
    first = first.slice(0, -escapeChar.length).trimEnd();
  }
  return first.length > detailLength ? `${first.slice(0, detailLength - 1)}…` : first;
}

function kindOf(keyword: string): SymbolKind {
  switch (keyword) {
    case 'FROM':
      return SymbolKind.Module;
    case 'ARG':
    case 'ENV':
      return SymbolKind.Variable;
    case 'LABEL':
    case 'EXPOSE':
    case 'VOLUME':
    case 'WORKDIR':
    case 'USER':
    case 'STOPSIGNAL':
      return SymbolKind.Property;
    case 'ONBUILD':
      return SymbolKind.Event;
    default:
      return SymbolKind.Function;
  }
}
