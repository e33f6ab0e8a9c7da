#!/usr/bin/env node
/**
 * Wiring only: creates the LSP connection (stdio, node IPC or socket, as the arguments say),
 * keeps the document store in sync, and lets each feature in features/index.ts register itself.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { DocumentStore } from './documentStore';
import { toDocLocale, type DocLocale } from './docs';
import { features } from './features';
import { ImageConfigCache } from './features/imageConfigs';
import { parseCountRequest, type ParseCountResult } from './protocol';

const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore();
const log = { error: (message: string) => connection.console.error(message) };
let locale: DocLocale = 'en';
let initializationOptions: unknown;
let canPullConfiguration = false;

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = toDocLocale(params.locale);
  initializationOptions = params.initializationOptions;
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const capabilities: ServerCapabilities = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  };
  for (const feature of features) {
    Object.assign(capabilities, feature.capabilities);
  }
  return { capabilities, serverInfo: { name: 'berthwise-dockerfile-server', version: '0.1.0' } };
});

connection.onDidOpenTextDocument(({ textDocument }) => {
  store.open(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
});
connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  store.change(textDocument.uri, textDocument.version, contentChanges);
});
connection.onDidCloseTextDocument(({ textDocument }) => {
  store.close(textDocument.uri);
});

const images = new ImageConfigCache(connection);
for (const feature of features) {
  feature.register({ connection, store, log, images, locale: () => locale, initializationOptions: () => initializationOptions, canPullConfiguration: () => canPullConfiguration });
}

connection.onRequest(parseCountRequest, (): ParseCountResult => ({ parses: store.parses }));

// A stray exception from a timer or a library callback must not end the session of every open
// editor; it is logged and the server keeps serving.
process.on('uncaughtException', (error) => log.error(`uncaught: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${String(reason)}`));

connection.listen();
