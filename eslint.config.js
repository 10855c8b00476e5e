import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The pure core must stay free of I/O so the App, the Action and the CLI share one tested logic. */
const ioModules = [
  'probot',
  '@octokit/*',
  '@actions/*',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
];

export default tseslint.config(
  { ignores: ['dist/**', 'action/dist/**', 'coverage/**', 'node_modules/**', 'scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'Identifier[name="__proto__"]', message: 'no __proto__' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ioModules }],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'core does no I/O' },
        { name: 'process', message: 'core reads no environment' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'pass `now` in: time is an argument in core' },
      ],
    },
  },
);
