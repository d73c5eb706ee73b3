// The core stays pure: it imports nothing from vscode, the DOM or Node, only other core files.
// (This is the project's lint rule for src/core; it runs in `npm test`.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const CORE = resolve(import.meta.dirname, '../../src/core');
const DOM_GLOBALS = /\b(window|navigator|localStorage|HTMLElement|process|require|Buffer|__dirname|setImmediate)\s*[.(]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => { const p = join(dir, n); return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []; });
}

test('src/core imports only other files of src/core', () => {
  const bad: string[] = [];
  for (const f of files(CORE)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2] ?? m[3];
      const target = spec.startsWith('.') ? resolve(f, '..', spec) : undefined;
      if (!target || relative(CORE, target).startsWith('..')) bad.push(`${relative(CORE, f)}: ${spec}`);
    }
  }
  assert.deepEqual(bad, [], 'core files must not import vscode, Node built-ins, the DOM or packages');
});

test('src/core uses no Node or DOM globals', () => {
  const bad: string[] = [];
  for (const f of files(CORE)) {
    readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/^\s*(\/\*\*?|\*).*$/, '').replace(/\/\/.*$/, '').replace(/(['"`]).*?\1/g, '');
      if (DOM_GLOBALS.test(code)) bad.push(`${relative(CORE, f)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(bad, []);
});

test('the check itself catches a forbidden import', () => {
  const sample = "import * as vscode from 'vscode';";
  const m = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/.exec(sample);
  assert.equal(m?.[1], 'vscode');
});
