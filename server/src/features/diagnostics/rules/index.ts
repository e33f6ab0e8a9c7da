import type { Rule } from '../rule';
import { addLocalFileRule } from './addLocalFile';
import { consistentInstructionCasingRule, fromAsCasingRule } from './casing';
import { copyFromSelfRule, copyFromUnknownStageRule } from './copyFrom';
import { copyIgnoredFileRule } from './copyIgnoredFile';
import { execFormNotStringsRule, shellNotJsonRule } from './formErrors';
import { duplicateFlagRule, invalidFlagValueRule } from './flagValues';
import { healthcheckFormRule } from './healthcheckForm';
import { fromPlatformFlagConstDisallowedRule, redundantTargetPlatformRule } from './fromPlatform';
import { noEmptyContinuationRule } from './noEmptyContinuation';
import { escapedEscapeAtLineEndRule } from './escapedEscapeAtLineEnd';
import { unterminatedHeredocRule } from './unterminatedHeredoc';
import { loneCarriageReturnRule } from './loneCarriageReturn';
import { emptyCommandRule } from './emptyCommand';
import { aptGetUpdateAloneRule, runCdOnlyRule } from './runHygiene';
import { cmdOptionWithoutEntrypointRule } from './cmdOptionWithoutEntrypoint';
import { entrypointResetsCmdRule } from './entrypointResetsCmd';
import { execEntrypointShellCmdRule } from './execEntrypointShellCmd';
import { exposeInvalidFormatRule, exposeProtoCasingRule } from './exposeInvalidFormat';
import { invalidDefaultArgInFromRule } from './invalidDefaultArgInFrom';
import { invalidDefinitionDescriptionRule } from './invalidDefinitionDescription';
import { invalidJsonExecFormRule } from './invalidJsonExecForm';
import { invalidMountRule } from './invalidMount';
import { jsonArgsRecommendedRule } from './jsonArgsRecommended';
import { legacyKeyValueFormatRule } from './legacyKeyValueFormat';
import { maintainerDeprecatedRule } from './maintainerDeprecated';
import { malformedArgumentsRule } from './malformedArguments';
import { multipleInstructionsRule } from './multipleInstructions';
import { noCommandRule } from './noCommand';
import { onbuildTriggerDisallowedRule } from './onbuildTrigger';
import { ignoredParserDirectiveRule, invalidParserDirectiveRule } from './parserDirectives';
import { secretsInArgOrEnvRule } from './secretsInArgOrEnv';
import { shellEntrypointIgnoresCmdRule } from './shellEntrypointIgnoresCmd';
import { duplicateStageNameRule, reservedStageNameRule, stageNameCasingRule, baseNameCasingRule } from './stageNames';
import { undefinedArgInFromRule } from './undefinedArgInFrom';
import { undefinedVarRule } from './undefinedVar';
import { unknownFlagRule } from './unknownFlag';
import { unknownInstructionRule } from './unknownInstruction';
import { variableInExecFormRule } from './variableInExecForm';
import { workdirRelativePathRule } from './workdirRelativePath';

/** Every diagnostic rule, CMD/ENTRYPOINT semantics first. */
export const allRules: readonly Rule[] = [
  noCommandRule,
  shellEntrypointIgnoresCmdRule,
  execEntrypointShellCmdRule,
  multipleInstructionsRule,
  entrypointResetsCmdRule,
  cmdOptionWithoutEntrypointRule,
  invalidJsonExecFormRule,
  variableInExecFormRule,
  jsonArgsRecommendedRule,
  unknownInstructionRule,
  unknownFlagRule,
  maintainerDeprecatedRule,
  legacyKeyValueFormatRule,
  duplicateStageNameRule,
  reservedStageNameRule,
  stageNameCasingRule,
  workdirRelativePathRule,
  exposeInvalidFormatRule,
  exposeProtoCasingRule,
  secretsInArgOrEnvRule,
  undefinedArgInFromRule,
  undefinedVarRule,
  invalidDefaultArgInFromRule,
  invalidDefinitionDescriptionRule,
  consistentInstructionCasingRule,
  fromAsCasingRule,
  redundantTargetPlatformRule,
  fromPlatformFlagConstDisallowedRule,
  noEmptyContinuationRule,
  escapedEscapeAtLineEndRule,
  unterminatedHeredocRule,
  loneCarriageReturnRule,
  emptyCommandRule,
  baseNameCasingRule,
  copyFromSelfRule,
  copyFromUnknownStageRule,
  copyIgnoredFileRule,
  addLocalFileRule,
  runCdOnlyRule,
  aptGetUpdateAloneRule,
  execFormNotStringsRule,
  shellNotJsonRule,
  healthcheckFormRule,
  malformedArgumentsRule,
  onbuildTriggerDisallowedRule,
  invalidFlagValueRule,
  duplicateFlagRule,
  invalidMountRule,
  invalidParserDirectiveRule,
  ignoredParserDirectiveRule,
];
