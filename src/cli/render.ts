// `tcpseq render [--format mermaid|html] [-o OUT] FILE` (contract section 6): the sequence diagram as
// Mermaid text, or as a self-contained HTML page that draws it offline (Mermaid inlined).
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { analyze } from '../core/index.ts';
import { diagramOf, escapeHtml } from '../core/diagram/index.ts';
import { diagramTitle } from '../core/diagram/labels.ts';
import type { Lang } from '../core/i18n/types.ts';
import { metaOf } from '../webview/protocol.ts';
import { fileReason, invoke, readText, usageLine, type Command } from './command.ts';
import { processIO, type CliIO } from './io.ts';

export const renderCommand: Command = {
  name: 'render',
  usage: 'tcpseq render [--format mermaid|html] [-o OUT] FILE',
  summary: 'cli.cmd.render',
  help: 'cli.help.render',
  options: { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' }, out: { type: 'string' } },
  optionHelp: { format: 'cli.opt.format', output: 'cli.opt.output', out: 'cli.opt.output' },
  run: (args, io) => runRender(args, io),
};

/** Runs the command; returns the exit code (0, or 2 with a one-line reason on stderr). Never throws. */
export async function runRender(args: string[], io: CliIO = processIO()): Promise<number> {
  const inv = invoke(renderCommand, args, io);
  if (typeof inv === 'number') return inv;
  const { values, positionals, l } = inv;
  const fail = (message: string) => { io.error(usageLine(renderCommand, l, message)); return 2; };
  const format = (values.format as string | undefined) ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'html') return fail(l.t('cli.error.format', { format: JSON.stringify(format) }));
  if (positionals.length === 0) return fail(l.t('cli.error.noFile'));
  if (positionals.length > 1) return fail(l.t('cli.error.oneFile', { command: 'render' }));
  const file = positionals[0]!;
  const out = (values.output ?? values.out) as string | undefined;
  try {
    const text = await readText(file, 'render', io, l);
    if (text === undefined) return 2;
    const analysis = analyze(text);
    const { model, mermaid } = diagramOf(analysis, text, undefined, l.lang);
    let output = mermaid;
    if (format === 'html') {
      const script = findPageScript();
      if (!script) { io.error(`tcpseq render: ${l.t('cli.error.noMermaid')}`); return 2; }
      const title = analysis.title ?? (file === '-' ? diagramTitle(undefined, l.lang) : basename(file));
      output = htmlPage(title, mermaid, metaOf(model), script, l.lang);
    }
    if (out === undefined || out === '-') {
      io.write(output);
    } else {
      try {
        await writeFile(out, output, 'utf8');
      } catch (e) {
        io.error(`tcpseq render: ${l.t('cli.error.cannotWrite', { file: out, reason: fileReason(e, l) })}`);
        return 2;
      }
    }
    return 0;
  } catch (e) {
    io.error(`tcpseq render: ${fileReason(e, l)}`);
    return 2;
  }
}

/**
 * The script that draws the page: the preview's own standalone bundle (Mermaid and the decorations) from
 * media/, or plain Mermaid from node_modules. Looked up from the running file upwards (dist/cli.js in the
 * package, src/cli/render.ts in development).
 */
function findPageScript(): { kind: 'standalone' | 'mermaid'; code: string } | undefined {
  const start = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let dir = start, i = 0; i < 6; i++, dir = dirname(dir)) {
    const standalone = join(dir, 'media', 'standalone.js');
    if (existsSync(standalone)) return { kind: 'standalone', code: readFileSync(standalone, 'utf8') };
    const plain = join(dir, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');
    if (existsSync(plain)) return { kind: 'mermaid', code: readFileSync(plain, 'utf8') };
  }
  return undefined;
}

/** Script text that cannot close its <script> element early. */
const inlineScript = (js: string) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

export function htmlPage(
  title: string, mermaid: string, meta: ReturnType<typeof metaOf>,
  script: { kind: 'standalone' | 'mermaid'; code: string }, lang: Lang = 'en',
): string {
  const data = JSON.stringify({ mermaid, ...meta }).replace(/</g, '\\u003c');
  const starter = script.kind === 'standalone' ? '' : `
<script>
(function () {
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  var data = JSON.parse(document.getElementById('tcpseq-data').textContent);
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  mermaid.render('tcpseq-diagram', data.mermaid).then(function (r) {
    document.getElementById('diagram').innerHTML = r.svg; document.body.dataset.rendered = 'true';
  }, function (e) { document.getElementById('diagram').textContent = String(e && e.message || e); document.body.dataset.rendered = 'error'; });
})();
</script>`;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh-cn' ? 'zh-CN' : lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="tcpseq render">
<title>${escapeHtml(title)}</title>
<style>
  body { margin: 24px; font-family: system-ui, sans-serif; background: #ffffff; color: #222222; }
  @media (prefers-color-scheme: dark) { body { background: #1e1e1e; color: #dddddd; } }
  #diagram svg { display: block; margin: 0 auto; max-width: 100%; height: auto; }
</style>
</head>
<body>
<div id="diagram"></div>
<script type="application/json" id="tcpseq-data">${data}</script>
<script>${inlineScript(script.code)}</script>${starter}
</body>
</html>
`;
}
