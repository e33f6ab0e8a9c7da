import type { DocLocale } from '../../docs';

/** The sentences of variable and stage hovers, per locale (the doc entries cover everything else). */
export interface HoverMessages {
  buildArg: string;
  envVar: string;
  definedOn: (line: number) => string;
  defaultValue: string;
  noDefault: string;
  globalDefault: (line: number) => string;
  earlierValue: (line: number) => string;
  predefined: string;
  declaredOn: (line: number) => string;
  declaredInBaseStage: (line: number) => string;
  needsDeclaration: (name: string) => string;
  globalOnly: (name: string, line: number) => string;
  undefinedVariable: string;
  shellVariable: string;
  execFormNotExpanded: (name: string) => string;
  argAbsentAtRuntime: string;
  stage: (name: string, index: number, line: number) => string;
  notAStage: (reference: string) => string;
}

const english: HoverMessages = {
  buildArg: 'build argument (ARG)',
  envVar: 'environment variable (ENV)',
  definedOn: (line) => `Defined on line ${line}:`,
  defaultValue: 'Value:',
  noDefault: 'No default value: empty unless set with `--build-arg`.',
  globalDefault: (line) => `Default inherited from the global ARG on line ${line}:`,
  earlierValue: (line) => `Without a value it keeps the one set on line ${line}:`,
  predefined: 'predefined build argument',
  declaredOn: (line) => `Declared in this stage on line ${line}.`,
  declaredInBaseStage: (line) => `Declared on line ${line}, in a stage this one is built \`FROM\`: a stage inherits the ARG and ENV of its base stages.`,
  needsDeclaration: (name) => `It lives in the global scope: declare \`ARG ${name}\` in this stage to use it here.`,
  globalOnly: (name, line) => `Declared before the first FROM (line ${line}), so it is global: inside a stage it is empty until you declare \`ARG ${name}\` again.`,
  undefinedVariable: 'Not set by any ARG or ENV in scope: it comes from the base image\'s environment or expands to an empty string.',
  shellVariable: 'Not set by any ARG or ENV in scope. Docker leaves it to the shell, which expands it when the command runs: it may be set earlier in the script or come from the base image\'s environment.',
  execFormNotExpanded: (name) => `Exec (JSON) form starts no shell, so nothing expands this: the program receives \`$${name}\` literally.`,
  argAbsentAtRuntime: 'This runs when the container starts, where ARG values no longer exist (only ENV does).',
  stage: (name, index, line) => `Build stage ${name} (#${index}), line ${line}:`,
  notAStage: (reference) => `\`${reference}\` is not a build stage defined above, so it is used as an image reference.`,
};

const chinese: HoverMessages = {
  buildArg: '构建参数（ARG）',
  envVar: '环境变量（ENV）',
  definedOn: (line) => `定义于第 ${line} 行：`,
  defaultValue: '值：',
  noDefault: '没有默认值：除非用 `--build-arg` 设置，否则为空。',
  globalDefault: (line) => `默认值继承自第 ${line} 行的全局 ARG：`,
  earlierValue: (line) => `未给值时沿用第 ${line} 行设置的值：`,
  predefined: '预定义构建参数',
  declaredOn: (line) => `已在本阶段第 ${line} 行声明。`,
  declaredInBaseStage: (line) => `已在第 ${line} 行声明，位于本阶段 \`FROM\` 所基于的阶段中：阶段会继承其基础阶段的 ARG 和 ENV。`,
  needsDeclaration: (name) => `它位于全局作用域：需要在本阶段声明 \`ARG ${name}\` 后才能在这里使用。`,
  globalOnly: (name, line) => `它在第一个 FROM 之前声明（第 ${line} 行），属于全局参数：在阶段内必须再次声明 \`ARG ${name}\`，否则为空。`,
  undefinedVariable: '作用域内没有任何 ARG 或 ENV 设置它：它来自基础镜像的环境变量，否则展开为空字符串。',
  shellVariable: '作用域内没有任何 ARG 或 ENV 设置它。Docker 不处理它，而是交给 shell 在命令运行时展开：它可能在脚本前面被赋值，或来自基础镜像的环境变量。',
  execFormNotExpanded: (name) => `exec（JSON）形式不启动 shell，没有任何东西会展开它：程序收到的就是字面的 \`$${name}\`。`,
  argAbsentAtRuntime: '这条命令在容器启动时执行，那时 ARG 的值已不存在（只有 ENV 还在）。',
  stage: (name, index, line) => `构建阶段 ${name}（#${index}），第 ${line} 行：`,
  notAStage: (reference) => `\`${reference}\` 不是前面定义的构建阶段，因此会被当作镜像引用。`,
};

/** The hover sentences of a locale. */
export function hoverMessages(locale: DocLocale): HoverMessages {
  return locale === 'zh-cn' ? chinese : english;
}
