// Lint rules for the whole tree (npm run lint). Formatting is prettier's job, not eslint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeImports = { group: ['node:*', 'fs', 'path', 'url', 'os', 'child_process'], message: 'engine/ and dsl/ run in the browser too: no Node built-ins' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'playground/dist/', '.ci/artifacts/', 'engine/ir/policy-validator.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Control characters are matched on purpose: binary input, terminal escapes, DSL strings.
      'no-control-regex': 'off',
    },
  },
  // The core runs in the browser and the server alike; the pipeline points one way (front ends →
  // IR → compile → runtime → evaluate): the engine never imports a front end.
  { files: ['dsl/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [nodeImports] }] } },
  {
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [nodeImports, { group: ['**/dsl/*', '**/dsl'], message: 'the engine never imports the DSL: callers pass parseDsl' }] },
      ],
    },
  },
);
