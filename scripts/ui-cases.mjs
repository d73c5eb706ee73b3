// The loop both UI runners share: runs each case on the workbench page, prints ✓/✗ with a failure
// screenshot, and counts. A case is { name, run(ctx) }.
import { join, relative } from 'node:path';
import { ROOT } from './code-server.mjs';

/** Runs `cases` in order on `ctx.page`; failure screenshots go to `shots`. Returns the counts. */
export async function runUiCases(cases, ctx, shots) {
  let passed = 0;
  let failed = 0;
  for (const [i, t] of cases.entries()) {
    const started = Date.now();
    try {
      await t.run(ctx);
      passed++;
      console.log(`  ✓ ${t.name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      const file = join(shots, `failure-${i + 1}.png`);
      await ctx.page.screenshot({ path: file }).catch(() => {});
      console.log(`  ✗ ${t.name}\n      ${String(e instanceof Error ? e.message : e).split('\n').slice(0, 6).join('\n      ')}\n      screenshot: ${relative(ROOT, file)}`);
    }
  }
  return { passed, failed };
}
