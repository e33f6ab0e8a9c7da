import { CodeActionKind } from 'vscode-languageserver';
import { guarded } from '../../guard';
import type { Feature } from '../feature';
import { provideCodeActions } from './provideCodeActions';

/** Quick fixes (with their edits) for the diagnostics the diagnostics feature publishes. */
export const codeActionsFeature: Feature = {
  name: 'codeActions',
  capabilities: { codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] } },
  register: ({ connection, store, log, locale }) => {
    connection.onCodeAction(
      guarded('codeActions', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideCodeActions(parsed, params, { locale: locale() }) : [];
      }),
    );
  },
};
