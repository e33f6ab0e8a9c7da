import type { DocTable } from './types';

const reference = 'https://docs.docker.com/reference/dockerfile/';

/** 简体中文文档条目。 */
export const chineseDocs: DocTable = {
  FROM: {
    title: 'FROM',
    forms: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    summary: '基于一个基础镜像开始新的构建阶段；除 ARG 外，任何指令之前都必须先有 FROM。',
    reference: `${reference}#from`,
  },
  CMD: {
    title: 'CMD',
    forms: ['CMD ["executable", "arg1"]', 'CMD ["arg1", "arg2"]', 'CMD command arg1'],
    summary: '设置镜像的默认命令，或作为 ENTRYPOINT 的默认参数。`docker run IMAGE ARGS` 中的参数会替换它。',
    reference: `${reference}#cmd`,
  },
};
