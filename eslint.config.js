import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import prettier from 'eslint-config-prettier'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ]
    }
  },
  {
    // The core knows nothing of GitHub: no @actions/* import below src/core/ or src/sandbox/.
    files: ['src/core/**/*.ts', 'src/sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/core', '@actions/github'],
              message:
                'src/core and src/sandbox must not depend on the GitHub toolkit; put it in src/github/.'
            }
          ]
        }
      ]
    }
  },
  {
    // The runner reads workflow commands from stdout: only workflow-log.ts writes to the log,
    // so every line is flattened, redacted and made inert (see its header).
    files: ['src/github/**/*.ts'],
    ignores: ['src/github/shared/workflow-log.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...[
          'info',
          'debug',
          'notice',
          'warning',
          'error',
          'setFailed',
          'setSecret',
          'startGroup'
        ].map((property) => ({
          object: 'core',
          property,
          message:
            'Log through src/github/shared/workflow-log.ts (log, actionLogger, protectSecret): it keeps server text from becoming a workflow command and hides the key.'
        }))
      ]
    }
  },
  {
    // The flow engine is a library of its own: no GitHub toolkit, no API client.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@actions/*',
                '**/core/api/*',
                '**/core/api/**',
                '**/github/**',
                '**/cli/**',
                '**/sandbox/**'
              ],
              message:
                'src/engine stands alone: no GitHub toolkit, API client, CLI or sandbox imports.'
            }
          ]
        }
      ]
    }
  }
)
