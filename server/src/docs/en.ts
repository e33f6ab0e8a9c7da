import type { DocTable } from './types';

const reference = 'https://docs.docker.com/reference/dockerfile/';

/** English documentation entries. */
export const englishDocs: DocTable = {
  FROM: {
    title: 'FROM',
    forms: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    summary: 'Starts a new build stage on top of a base image; every Dockerfile needs one before any instruction other than ARG.',
    reference: `${reference}#from`,
  },
  CMD: {
    title: 'CMD',
    forms: ['CMD ["executable", "arg1"]', 'CMD ["arg1", "arg2"]', 'CMD command arg1'],
    summary: 'Sets the default command of the image, or the default arguments of its ENTRYPOINT. `docker run IMAGE ARGS` replaces it.',
    reference: `${reference}#cmd`,
  },
};
