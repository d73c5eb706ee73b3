// @vscode/test-cli configuration, for machines that can download VS Code (`npx vscode-test`, or
// `npm run test:electron`): the same compiled extension-host suite as `npm run test:exthost`
// (out/test/exthost, built by scripts/build-tests.mjs), run in a desktop VS Code by @vscode/test-electron
// on a copy-free examples/ workspace (the tests never save a file).
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'extension-host',
  files: 'out/test/exthost/**/*.test.js',
  version: '1.100.3',
  workspaceFolder: './examples',
  launchArgs: ['--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
  mocha: { ui: 'tdd', timeout: 60_000 },
});
