// ESLint flat config: typescript-eslint's type-aware rules over the TypeScript sources,
// with Prettier owning formatting.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'cdk.out/',
      'coverage/',
      '.tools/',
      '.venv/',
      'bench/out/',
      'bench/.peers/',
      'scanner/util/schema-validators.generated.ts',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Only the CLI entry point, scripts and benchmarks talk to the terminal; library code goes through a sink.
    files: ['bin/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'scanner/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
);
