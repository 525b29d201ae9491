// ESLint 10 picks the config nearest to each file: the root rules, plus plain-JS rules for the
// CommonJS Karma config (the root config lints only TypeScript with type information).
import tseslint from 'typescript-eslint';
import root from '../eslint.config.mjs';

export default tseslint.config(...root, {
  ...tseslint.configs.disableTypeChecked,
  files: ['**/*.cjs'],
  languageOptions: {
    globals: {
      __dirname: 'readonly',
      module: 'writable',
      process: 'readonly',
      require: 'readonly',
    },
    parserOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions?.parserOptions,
      tsconfigRootDir: import.meta.dirname,
    },
    sourceType: 'commonjs',
  },
  rules: {
    ...tseslint.configs.disableTypeChecked.rules,
    '@typescript-eslint/no-require-imports': 'off',
  },
});
