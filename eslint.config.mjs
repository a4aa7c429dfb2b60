// ESLint: the rules that catch real bugs, type-aware (typescript-eslint) over every TypeScript
// project, plus React's hook rules. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'test-output/', 'node_modules/', 'bench/.cache/', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The build configs at the root belong to no project; everything else does.
        projectService: { allowDefaultProject: ['vite.config.ts', 'vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Callbacks are declared as properties (`onClose: () => void`), not methods: a method
      // signature is checked bivariantly and reads as if it needed its `this`.
      '@typescript-eslint/method-signature-style': ['error', 'property'],
      // `const { omitted, ...rest } = x` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // contextBridge keeps only an Error's message, so the preload rejects with this plain object.
      '@typescript-eslint/only-throw-error': ['error', { allow: [{ from: 'file', name: 'WireError' }] }],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    rules: {
      // In tests an async callback without await is deliberate: React's `act(async () => …)`
      // flushes effects and promises that a synchronous act would leave pending, and fakes
      // implement the async interfaces they stand in for.
      '@typescript-eslint/require-await': 'off',
      // `expect(fake.method).toHaveBeenCalled()` reads a method without calling it, by design.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // useQuery(load, deps) takes its dependency list like useEffect: check every caller's list too.
      'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useQuery$' }],
    },
  },
);
