import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { guarded } from '../../guard';
import type { Feature } from '../feature';
import { invalidNewName, prepareRename, provideDefinition, provideDocumentHighlights, provideReferences, provideRename } from './navigate';

export const navigationFeature: Feature = {
  name: 'navigation',
  capabilities: {
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
  },
  register: ({ connection, store, log }) => {
    connection.onDefinition(
      guarded('definition', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideDefinition(parsed, params.position) : null;
      }),
    );
    connection.onReferences(
      guarded('references', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideReferences(parsed, params.position, params.context.includeDeclaration) : null;
      }),
    );
    connection.onDocumentHighlight(
      guarded('documentHighlight', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideDocumentHighlights(parsed, params.position) : null;
      }),
    );
    connection.onPrepareRename(
      guarded('prepareRename', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? prepareRename(parsed, params.position) : null;
      }),
    );
    connection.onRenameRequest(
      guarded('rename', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        if (!parsed) {
          return null;
        }
        const problem = invalidNewName(parsed, params.position, params.newName);
        return problem ? new ResponseError(ErrorCodes.InvalidParams, problem) : provideRename(parsed, params.position, params.newName);
      }),
    );
  },
};
