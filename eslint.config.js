// Lint rules: typescript-eslint's type-aware recommended set, plus the house rules that keep
// the layers apart (a service never imports Express, a controller never touches the ORM).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'generated/',
      'dist/',
      'sdk/dist/',
      'node_modules/',
      '.data/',
      'coverage/',
      'sdk/src/schema.d.ts',
      'sdk/src/operations.ts',
      // A frontend project's files, typechecked in that project by tests/sdk-package.test.ts.
      'tests/sdk-consumer/',
      'sdk/src/examples.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    files: ['src/api/**/*.service.ts', 'src/api/**/*.repository.ts', 'src/api/**/*.model.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'express', message: 'Services and below stay HTTP-free.' }] },
      ],
    },
  },
  {
    files: ['src/api/**/*.controller.ts', 'src/api/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@mikro-orm/*'], message: 'Controllers reach data through services.' },
            { group: ['**/*.repository.ts'], message: 'Controllers reach data through services.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.js'],
    rules: { 'no-console': 'off' },
  },
  {
    // supertest types response bodies as any; the assertions are the type check there.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
