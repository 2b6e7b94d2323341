// ESLint flat config: typescript-eslint, React hooks, a11y, TanStack Query, and the import
// directions of architecture.md (app → features → lib/components; no feature imports another).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { readdirSync } from 'node:fs';

// Every folder under src/features is a feature: a new one is covered without editing this file.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

// The import directions, as core no-restricted-imports patterns over both spellings of a path:
// the `@/` alias and relative climbs (`../../other-feature/…`). Core ESLint rather than
// eslint-plugin-import-x: the latter's native resolver has platform packages this registry lacks,
// which breaks `npm ci`.
const climb = (dirs) => `^(\\.\\./)+(${dirs.join('|')})(/|$)`;
// zod's classic API ('zod') and zod/mini share one core module: once any lazy page imports the
// classic API, the parts of that core only it needs land in the chunk every page loads (about
// 10 KB gzip on /rebate-groups, measured). So the browser code and its tests use zod/mini only.
const ZOD_CLASSIC = {
  name: 'zod',
  message:
    "Import from 'zod/mini': the classic API would put its share of zod's core in every page's first load.",
};
const restrict = (patterns) => ['error', { paths: [ZOD_CLASSIC], patterns }];
const SERVER_SIDE = {
  regex: climb(['server', 'mock-api', 'e2e', 'scripts', 'bench']),
  message: 'The browser bundle never imports server-side code.',
};

export default tseslint.config(
  {
    ignores: ['dist', 'node_modules', 'playwright-report', 'test-results', 'bench/tmp', 'coverage'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      'no-restricted-imports': restrict([SERVER_SIDE]),
    },
  },
  ...features.map((f) => {
    const others = features.filter((o) => o !== f);
    return {
      files: [`src/features/${f}/**/*.{ts,tsx}`],
      rules: {
        'no-restricted-imports': restrict([
          SERVER_SIDE,
          ...(others.length
            ? [
                {
                  regex: `^@/features/(${others.join('|')})(/|$)`,
                  message: 'A feature never imports another feature: compose them in src/app.',
                },
                {
                  regex: climb(others),
                  message: 'A feature never imports another feature: compose them in src/app.',
                },
              ]
            : []),
          { regex: '^@/app(/|$)', message: 'Features do not import the app shell.' },
          { regex: climb(['app']), message: 'Features do not import the app shell.' },
        ]),
      },
    };
  }),
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/config/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict([
        SERVER_SIDE,
        {
          regex: '^@/(features|app)(/|$)',
          message: 'lib/, components/ and config/ are below features and app.',
        },
        {
          regex: climb(['features', 'app']),
          message: 'lib/, components/ and config/ are below features and app.',
        },
      ]),
    },
  },
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { regex: '^@/', message: 'e2e imports nothing from src/.' },
        { regex: climb(['src']), message: 'e2e imports nothing from src/.' },
      ]),
    },
  },
  prettier,
);
