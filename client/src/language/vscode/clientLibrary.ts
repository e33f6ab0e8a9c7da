/**
 * The parts of vscode-languageclient that are needed at run time (with vscode-languageserver-protocol
 * under them, about 0.8 MB). The build bundles this module on its own as `dist/languageClient.js`;
 * reach it only through `languageClientLibrary()` in clientLibraryLoader.ts.
 */
export { DidChangeConfigurationNotification, LanguageClient, TransportKind } from 'vscode-languageclient/node';
