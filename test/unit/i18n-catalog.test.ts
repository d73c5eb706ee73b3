// The message catalog: every id has its Chinese text with the same {params}; every area is wired into
// CATALOGS; the manifest's strings come from package.nls.json with a Chinese twin; the Chinese follows
// l10n/GLOSSARY.md; and no file in src/ builds user-visible English outside the catalog (where a pattern
// can tell).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CATALOGS } from '../../src/core/i18n/catalogs.ts';
import { LANGS } from '../../src/core/i18n/types.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CATALOG_DIR = join(ROOT, 'src/core/i18n/catalog');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');

type Messages = Record<string, string | undefined>;

/** The one exported object of a catalog file. */
async function catalogOf(file: string): Promise<Messages> {
  const mod = (await import(pathToFileURL(join(CATALOG_DIR, file)).href)) as Record<string, unknown>;
  const objects = Object.values(mod).filter((v): v is Messages => typeof v === 'object' && v !== null);
  assert.equal(objects.length, 1, `${file} should export exactly one catalog object`);
  return objects[0]!;
}

/** The catalog areas: `AREA` of each `AREA.en.ts`. */
const AREAS = readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.en.ts')).map((f) => f.slice(0, -'.en.ts'.length)).sort();

/** Every language but English, the source of every message. */
const TRANSLATIONS = LANGS.filter((l) => l !== 'en');

const placeholders = (s: string) => [...s.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]).sort();

/** A Chinese text that is the English left as it is: English words outside placeholders, `code` and names. */
function looksUntranslated(zh: string, en: string): boolean {
  if (/[\u4e00-\u9fff]/.test(zh)) return false;
  if (/^[\w.-]+$/.test(zh)) return false; // a code or a name (`bad-blank`), the same in every language
  const words = zh.replace(/\{[A-Za-z0-9_]+\}/g, '').replace(/`[^`]*`/g, '').match(/\b[a-z]{3,}\b/g);
  return zh === en && words !== null;
}

test('every catalog area has a file per language', () => {
  assert.ok(AREAS.length >= 4, `areas found: ${AREAS.join(', ')}`);
  const files = readdirSync(CATALOG_DIR);
  const named = new RegExp(`^[a-z0-9-]+\\.(${LANGS.join('|')})\\.ts$`);
  for (const f of files) assert.match(f, named, `${f}: catalog files are AREA.LANG.ts, LANG one of ${LANGS.join(', ')}`);
  for (const lang of TRANSLATIONS) {
    for (const area of AREAS) assert.ok(files.includes(`${area}.${lang}.ts`), `${area}.en.ts has no ${area}.${lang}.ts`);
    assert.equal(files.filter((f) => f.endsWith(`.${lang}.ts`)).length, AREAS.length, `a .${lang}.ts without its .en.ts`);
  }
});

test('every id has its Chinese text (and any other language\'s), with the same {params}, not the English left as it is', async () => {
  const problems: string[] = [];
  let count = 0;
  for (const lang of TRANSLATIONS) for (const area of AREAS) {
    const en = await catalogOf(`${area}.en.ts`);
    const zh = await catalogOf(`${area}.${lang}.ts`);
    for (const [id, text] of Object.entries(en)) {
      count++;
      const z = zh[id];
      if (typeof z !== 'string' || !z.trim()) { problems.push(`${area}: ${id} has no ${lang} text`); continue; }
      const pe = placeholders(text!);
      const pz = placeholders(z);
      if (pe.join() !== pz.join()) problems.push(`${area}: ${id}: English has {${pe.join('} {')}}, ${lang} has {${pz.join('} {')}}`);
      if (looksUntranslated(z, text!)) problems.push(`${area}: ${id}: the ${lang} text is the English one`);
    }
    for (const id of Object.keys(zh)) if (!(id in en)) problems.push(`${area}: ${id} is in ${lang} only (a stale id?)`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  assert.ok(count > 100, `only ${count} messages`);
});

test('every area is wired into CATALOGS, and no id is defined by two areas', async () => {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const area of AREAS) {
    for (const lang of LANGS) {
      const file = `${area}.${lang}.ts`;
      const messages = await catalogOf(file);
      for (const [id, text] of Object.entries(messages)) {
        if (CATALOGS[lang][id] !== text) problems.push(`${file}: ${id} is not in CATALOGS['${lang}'] (spread it in src/core/i18n/catalogs.ts)`);
        if (lang === 'en') {
          if (owner.has(id)) problems.push(`${id} is defined by ${owner.get(id)} and ${area}`);
          owner.set(id, area);
        }
      }
    }
  }
  for (const lang of LANGS) for (const id of Object.keys(CATALOGS[lang])) if (!owner.has(id)) problems.push(`CATALOGS['${lang}'] has ${id}, which no English catalog file defines`);
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('the test notices a missing translation and a dropped {param}', () => {
  // the same checks as above, on a made-up pair: proves they can fail
  const en = { 'x.a': 'Line {line}: {message}', 'x.b': 'Preview' };
  const zh: Messages = { 'x.a': '第 {line} 行' };
  assert.notDeepEqual(placeholders(en['x.a']), placeholders(zh['x.a']!));
  assert.equal(zh['x.b'], undefined);
  assert.ok(looksUntranslated('Open the preview first.', 'Open the preview first.'));
  assert.ok(!looksUntranslated('{severity}：{code}：{message}', '{severity}: {code}: {message}'));
  assert.ok(!looksUntranslated('SVG 图像', 'SVG image'));
  assert.ok(!looksUntranslated('bad-blank', 'bad-blank'));
});

// ---- the manifest ------------------------------------------------------------------------------------

const pkg = JSON.parse(read('package.json'));
const nlsEn = JSON.parse(read('package.nls.json')) as Record<string, string>;
const nlsOf = (lang: string) => JSON.parse(read(`package.nls.${lang}.json`)) as Record<string, string>;
const nlsZh = nlsOf('zh-cn');

/** The user-visible strings of the manifest, with where they are. */
function manifestStrings(): [string, unknown][] {
  const c = pkg.contributes;
  const out: [string, unknown][] = [['displayName', pkg.displayName], ['description', pkg.description]];
  for (const l of c.languages ?? []) out.push([`languages.${l.id}.aliases[0]`, l.aliases?.[0]]);
  for (const cfg of [c.configuration].flat()) {
    out.push(['configuration.title', cfg.title]);
    for (const [name, p] of Object.entries<Record<string, unknown>>(cfg.properties ?? {})) {
      for (const field of ['description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage']) if (p[field] !== undefined) out.push([`${name}.${field}`, p[field]]);
      for (const [i, d] of ((p.enumDescriptions ?? p.markdownEnumDescriptions ?? []) as unknown[]).entries()) out.push([`${name}.enumDescriptions[${i}]`, d]);
    }
  }
  for (const cmd of c.commands ?? []) {
    out.push([`${cmd.command}.title`, cmd.title]);
    if (cmd.category !== undefined) out.push([`${cmd.command}.category`, cmd.category]);
    if (cmd.shortTitle !== undefined) out.push([`${cmd.command}.shortTitle`, cmd.shortTitle]);
  }
  for (const v of Object.values<{ name?: string }[]>(c.views ?? {}).flat()) out.push([`view ${v.name}`, v.name]);
  for (const w of c.walkthroughs ?? []) out.push([`walkthrough ${w.id}.title`, w.title], [`walkthrough ${w.id}.description`, w.description]);
  return out;
}

test('every command title, setting description and the language alias come from package.nls.json', () => {
  const strings = manifestStrings();
  assert.ok(strings.length > 15);
  const problems: string[] = [];
  for (const [where, value] of strings) {
    const key = typeof value === 'string' ? /^%(.+)%$/.exec(value)?.[1] : undefined;
    if (!key) { problems.push(`${where}: ${JSON.stringify(value)} is not a %key% of package.nls.json`); continue; }
    if (!nlsEn[key]) problems.push(`${where}: %${key}% is missing from package.nls.json`);
    for (const lang of TRANSLATIONS) if (!nlsOf(lang)[key]) problems.push(`${where}: %${key}% is missing from package.nls.${lang}.json`);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('package.nls.zh-cn.json (and any other language\'s) translates every key of package.nls.json, keeping {params} and `code`', () => {
  for (const lang of TRANSLATIONS) {
    const nls = nlsOf(lang);
    assert.deepEqual(Object.keys(nls).sort(), Object.keys(nlsEn).sort(), `package.nls.${lang}.json`);
    for (const [k, v] of Object.entries(nlsEn)) {
      assert.deepEqual(placeholders(nls[k]!), placeholders(v), k);
      assert.deepEqual(nls[k]!.match(/`[^`]*`/g) ?? [], v.match(/`[^`]*`/g) ?? [], `${lang} ${k}: the \`code\` spans differ`);
      assert.ok(!looksUntranslated(nls[k]!, v), `${lang} ${k} is not translated`);
    }
  }
  // every %key% used anywhere in package.json exists
  for (const m of read('package.json').matchAll(/"%([^%"]+)%"/g)) assert.ok(nlsEn[m[1]!] !== undefined, `%${m[1]}% is not in package.nls.json`);
});

test('the tcpseq.language setting offers auto, en and zh-cn, auto by default', () => {
  const props = [pkg.contributes.configuration].flat().map((c: { properties: Record<string, unknown> }) => c.properties);
  const setting = Object.assign({}, ...props)['tcpseq.language'] as { enum: string[]; default: string; enumDescriptions: string[] };
  assert.deepEqual(setting.enum, ['auto', ...LANGS]);
  assert.equal(setting.default, 'auto');
  assert.equal(setting.enumDescriptions.length, setting.enum.length);
});

// ---- the glossary ------------------------------------------------------------------------------------

/** Rows of the glossary's tables: [English, 中文, avoided variants]. */
function glossary(): { en: string; zh: string; avoid: string[] }[] {
  return read('l10n/GLOSSARY.md').split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| English'))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
    .map(([en, zh, avoid]) => ({ en: en!, zh: zh!, avoid: avoid ? avoid.split(/[,，]\s*/).filter(Boolean) : [] }));
}

test('the Chinese catalogs use the glossary\'s terms, not the variants it avoids', async () => {
  const rows = glossary();
  assert.ok(rows.length >= 30, `${rows.length} glossary rows`);
  for (const required of ['报文段', '序号', '确认号', '确认位 ACK', '同步位 SYN', '终止位 FIN', '复位位 RST', '窗口', '三次握手', '四次挥手', '半关闭', '2MSL', '初始序号 ISN', '累积确认', '重传', '保活']) {
    assert.ok(rows.some((r) => r.zh.includes(required)), `the glossary lacks ${required}`);
  }
  const avoided = rows.flatMap((r) => r.avoid.map((a) => ({ a, use: r.zh })));
  const problems: string[] = [];
  const texts: [string, string][] = [];
  for (const area of AREAS) for (const [id, z] of Object.entries(await catalogOf(`${area}.zh-cn.ts`))) texts.push([`${area}: ${id}`, z ?? '']);
  for (const [k, z] of Object.entries(nlsZh)) texts.push([`package.nls.zh-cn.json: ${k}`, z]);
  for (const [where, z] of texts) for (const { a, use } of avoided) if (z.includes(a)) problems.push(`${where}: "${a}" — the glossary says ${use}`);
  assert.deepEqual(problems, [], problems.join('\n'));
});

// ---- no English built outside the catalog ------------------------------------------------------------

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Patterns of user-visible text written as a literal (a word of 3+ letters in it) instead of a catalog id. */
const ENGLISH_PATTERNS: [RegExp, string][] = [
  [/\bshow(?:Information|Warning|Error)Message\(\s*[`'"][^`'"]*[A-Za-z]{3}/, 'notification text'],
  [/\bsetStatusBarMessage\(\s*[`'"][^`'"]*[A-Za-z]{3}/, 'status bar message'],
  [/\bnew (?:vscode\.)?(?:CodeAction|Hover|MarkdownString|TreeItem)\(\s*[`'"][^`'"]*[A-Za-z]{3}/, 'editor text'],
  [/\bcreateWebviewPanel\([^,]+,\s*[`'"][^`'"]*[A-Za-z]{3}/, 'panel title'],
  [/\.(?:textContent|innerText|title|tooltip|placeholder|detail|description|label)\s*=\s*[`'"][^`'"$]*[A-Za-z]{3}/, 'text assigned to the UI'],
  [/\b(?:title|aria-label|placeholder|alt)="[A-Za-z][^"$]*[A-Za-z]{3}[^"]*"/, 'HTML attribute'],
  [/\b(?:title|detail|documentation|tooltip|label|heading|summary)\s*:\s*[`'"][A-Z][a-z]+ [a-z]+/, 'a sentence given as a property'],
  [/\b(?:saveLabel|openLabel|placeHolder|prompt)\s*:\s*[`'"][^`'"]*[A-Za-z]{3}/, 'dialog text'],
  [/\bl10n\.t\(/, 'vscode.l10n.t follows only the display language, not tcpseq.language: use the catalog'],
];

test('no file in src/ writes user-visible English outside the catalog (where a pattern can tell)', () => {
  const problems: string[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const rel = relative(ROOT, file);
    if (rel.startsWith('src/core/i18n/')) continue;
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      const code = line.replace(/\/\/ .*$/, '');
      if (/^\s*(\*|\/\*)/.test(code)) return; // doc comments
      for (const [re, what] of ENGLISH_PATTERNS) if (re.test(code)) problems.push(`${rel}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
    });
  }
  assert.deepEqual(problems, [], `English outside the catalog:\n${problems.join('\n')}`);
});

test('the English detector catches the usual ways of writing English into the UI', () => {
  const hits = (line: string) => ENGLISH_PATTERNS.some(([re]) => re.test(line));
  assert.ok(hits(`void vscode.window.showWarningMessage('Open a .tcpseq file first.');`));
  assert.ok(hits('void vscode.window.showErrorMessage(`Could not save: ${e}`);'));
  assert.ok(hits(`const action = new vscode.CodeAction('Fix all seq values', kind);`));
  assert.ok(hits(`  <button id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>`));
  assert.ok(hits(`item.tooltip = 'Initial states';`));
  assert.ok(hits(`const s = vscode.l10n.t('Hello');`));
  assert.ok(hits(`  return { title: 'Change seq to the expected value', edits };`));
  assert.ok(!hits(`void vscode.window.showWarningMessage(l.t('extension.export.noSource'));`));
  assert.ok(!hits('  <button id="zoom-in" title="${a(\'webview.zoomInTitle\')}">+</button>'));
});
