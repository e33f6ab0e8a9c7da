import { referenceLink } from '../links';
import type { DocTable } from '../types';

const directiveRules = 'Parser directives must be the very first lines, before any instruction, comment or blank line; each may appear once, and a `\\` continuation is not allowed.';

/** English entries for HEALTHCHECK options and the parser directives. */
export const englishChecksAndDirectives: DocTable = {
  'HEALTHCHECK --interval': {
    title: 'HEALTHCHECK --interval',
    forms: ['--interval=<duration>'],
    summary: 'Time between two checks, starting after the container started; default `30s`.',
    details: ['Durations are written like `30s`, `1m30s`, `500ms`.'],
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK --timeout': {
    title: 'HEALTHCHECK --timeout',
    forms: ['--timeout=<duration>'],
    summary: 'A check that runs longer than this counts as failed; default `30s`.',
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK --start-period': {
    title: 'HEALTHCHECK --start-period',
    forms: ['--start-period=<duration>'],
    summary: 'Grace period for slow starts: failures in this time do not count towards `--retries`; default `0s`.',
    details: ['Once a check succeeds, the container counts as started and later failures count normally.'],
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK --start-interval': {
    title: 'HEALTHCHECK --start-interval',
    forms: ['--start-interval=<duration>'],
    summary: 'Time between checks during the start period; default `5s`.',
    gotchas: ['Needs Docker Engine 25.0 or later.'],
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK --retries': {
    title: 'HEALTHCHECK --retries',
    forms: ['--retries=<n>'],
    summary: 'Number of consecutive failed checks before the container is reported `unhealthy`; default `3`.',
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK NONE': {
    title: 'HEALTHCHECK NONE',
    forms: ['HEALTHCHECK NONE'],
    summary: 'Disables any health check inherited from the base image.',
    reference: referenceLink('healthcheck'),
  },
  '# syntax': {
    title: '# syntax',
    forms: ['# syntax=docker/dockerfile:1', '# syntax=docker/dockerfile:1-labs'],
    summary: 'Selects the Dockerfile frontend (syntax version) BuildKit uses to build this file.',
    details: [
      '`docker/dockerfile:1` always gets the latest stable 1.x syntax, independent of the installed engine.',
      'The `-labs` channel enables features that are not yet stable.',
      directiveRules,
    ],
    gotchas: ['Only BuildKit honours it; the legacy builder treats it as a comment.'],
    reference: referenceLink('syntax'),
  },
  '# escape': {
    title: '# escape',
    forms: ['# escape=\\', '# escape=`'],
    summary: 'Sets the character that escapes characters and continues lines: `\\` (default) or a backtick.',
    details: [
      'A backtick suits Windows images, where `\\` is the path separator (`C:\\path`).',
      'It does not apply inside RUN commands except at the end of a line.',
      directiveRules,
    ],
    reference: referenceLink('escape'),
  },
  '# check': {
    title: '# check',
    forms: ['# check=skip=<rule>[,<rule>...]', '# check=skip=all', '# check=error=true', '# check=skip=JSONArgsRecommended;error=true'],
    summary: 'Configures the build checks (linting) of BuildKit: which rules to skip and whether a violation fails the build.',
    details: [
      'Rule names are case-sensitive (e.g. `JSONArgsRecommended`, `StageNameCasing`); combine settings with `;`.',
      'Run the checks alone with `docker build --check .`; available with Dockerfile syntax 1.8 and later.',
      directiveRules,
    ],
    reference: referenceLink('check'),
  },
};
