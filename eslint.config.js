// Lint rules: typescript-eslint's type-aware recommended set, plus the house rules that keep
// the layers apart (a service never imports Express, a controller never touches the ORM) and
// the arrows one way (docs/ARCHITECTURE.md, "Layers"): no import circles, nothing below reaches
// up. tests/unit/architecture.test.ts runs these rules on wrong imports and sees them fire.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
/** The domains: every folder of src/api. */
const domains = readdirSync(path.join(root, 'src/api'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** The process-level files: entry points, the runtime and the app that they assemble. */
const top = [
  './src/app.ts',
  './src/runtime.ts',
  './src/server.ts',
  './src/worker.ts',
  './src/warm-up.ts',
  './src/rehearsal.ts',
];

/** The layer rules of docs/ARCHITECTURE.md as import-x/no-restricted-paths zones. */
export const layerZones = [
  {
    target: ['./src/db', './src/utils', './src/config', './src/types', './src/middleware'],
    from: ['./src/api', './src/jobs', ...top],
    message:
      'Infrastructure knows no domain, job or process: domains hand what it needs (entities, policies) to it through the composition.',
  },
  {
    target: './src/api',
    from: ['./src/middleware', ...top],
    message: 'Domains do not reach up into the HTTP edge or the process wiring.',
  },
  {
    target: './src/api',
    from: './src/jobs',
    except: ['./queue.ts'],
    message: 'Domains enqueue through jobs/queue.ts; the job code itself lives in src/jobs.',
  },
  {
    target: './src/jobs',
    from: ['./src/api/index.ts', './src/middleware', ...top],
    message: 'Jobs call domain services handed to them, not the composition root or the edge.',
  },
  {
    target: ['./src/app.ts', './src/runtime.ts', './src/warm-up.ts', './src/rehearsal.ts'],
    from: './src/api',
    except: ['./index.ts'],
    message: 'The app and the runtime see the domains through src/api/index.ts only.',
  },
  // Repositories are private to their domain: only the domain and the composition root use them.
  {
    target: ['./src/jobs', './src/middleware', './src/utils', './src/db', ...top],
    from: './src/api/*/*.repository.ts',
    message: 'A repository is private to its domain: call the domain service.',
  },
  ...domains.map((domain) => ({
    target: `./src/api/${domain}`,
    from: `./src/api/!(${domain}|index.ts)/*.repository.ts`,
    message: "Another domain's repository is private to it: call its service.",
  })),
];

/** The arrows-one-way rules, on src/. Exported for tests/unit/architecture.test.ts. */
export const architecture = {
  files: ['src/**/*.ts'],
  plugins: { 'import-x': importX },
  settings: {
    'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    // Without these import-x reads only .js modules, and no-cycle follows no .ts import at all.
    'import-x/extensions': ['.ts', '.js'],
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
  },
  rules: {
    // import-x skips type-only imports; tests/unit/architecture.test.ts also checks those.
    'import-x/no-cycle': ['error', { ignoreExternal: true }],
    'import-x/no-restricted-paths': ['error', { basePath: root, zones: layerZones }],
  },
};

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
  architecture,
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
