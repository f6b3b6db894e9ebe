import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

import { boundaryRuleOptions } from './tools/eslint/boundaries.mjs';

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.nx',
      '**/coverage',
      'data',
      '**/*.mjs',
      '**/*.js',
      '**/vitest.config.ts',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...tseslint.configs.strictTypeChecked.map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/unified-signatures': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', boundaryRuleOptions],
    },
  },
  {
    files: ['packages/peoplecore-emulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@audience-bridge/adapters-persistence', '@audience-bridge/adapters-persistence/*'],
              message: 'The emulator may use the domain and the People core formats only.',
            },
            {
              regex: '^@audience-bridge/adapters-peoplecore(?!/formats$)',
              message:
                'Import the People core formats from @audience-bridge/adapters-peoplecore/formats only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // This test drives ESLint itself to prove the boundary rule rejects a violation.
    files: ['packages/domain/test/boundaries.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
];
