// Lint with type information; import boundaries keep the architecture honest:
// no `vscode` under server/ (it runs in any editor), dockerode only under client/src/engine/.
import tseslint from 'typescript-eslint';

const noVscode = { name: 'vscode', message: 'server/ and pure client modules must not depend on the VS Code API.' };
const noDockerode = { name: 'dockerode', message: 'Only client/src/engine/ may import dockerode; use the Engine interface.' };
const noShell = { name: 'child_process', message: 'Use node:child_process with argument arrays only (see security rules).' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '**/*.d.ts', 'examples/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's describe/it return promises the runner itself tracks.
        { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' }] },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['server/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noDockerode, noShell] }] },
  },
  {
    files: ['client/src/**/*.ts'],
    ignores: ['client/src/engine/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noDockerode, noShell] }] },
  },
  {
    // Pure client modules, by folder: plain Node, unit-tested without VS Code. In each of these
    // folders the modules that talk to VS Code live in a `vscode/` subfolder; commands/, terminal/,
    // extension.ts and settings.ts are VS Code glue. constants.ts mirrors package.json for the
    // manifest unit test, so it must stay plain too.
    files: ['client/src/engine/**/*.ts', 'client/src/engines/**/*.ts', 'client/src/explorer/**/*.ts', 'client/src/language/**/*.ts', 'client/src/log/**/*.ts', 'client/src/constants.ts'],
    ignores: ['client/src/**/vscode/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noVscode, noShell] }] },
  },
);
