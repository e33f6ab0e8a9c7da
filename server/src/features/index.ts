/**
 * The list of language features the server wires up. Adding a feature is one import and one
 * entry here; server.ts stays the same.
 */
import type { Feature } from './feature';
import { hoverFeature } from './hover';
import { completionFeature } from './completion';
import { symbolsFeature } from './symbols';
import { navigationFeature } from './navigation';
import { foldingFeature } from './folding';
import { formattingFeature } from './formatting';
import { diagnosticsFeature } from './diagnostics';
import { codeActionsFeature } from './codeActions';
import { inlayHintsFeature } from './inlayHints';
import { buildOutlineFeature } from './buildOutline';

export const features: readonly Feature[] = [
  hoverFeature,
  completionFeature,
  symbolsFeature,
  navigationFeature,
  foldingFeature,
  formattingFeature,
  diagnosticsFeature,
  codeActionsFeature,
  inlayHintsFeature,
  buildOutlineFeature,
];
