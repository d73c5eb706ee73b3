// Practice mode in the real workbench (run after test/ui/suite.ts by scripts/run-ui-tests.mjs): a student
// opens the handshake exercise, the blanks are highlighted and counted in the status bar; typing a right
// and a wrong answer marks them in the editor and in the Problems panel. The screenshot is the README's.
import { join } from 'node:path';
import type { UiContext, UiTest } from './suite.ts';
import { activeEditor, quickOpen, runCommand, TIMEOUT_MS, until } from './workbench.ts';

const EXERCISE = 'handshake.tcpseq';

const progress = (ctx: UiContext) => ctx.page.locator('.statusbar-item', { hasText: 'blanks filled' }).first();

/** Puts the cursor at a 1-based line:column with Go to Line. */
async function goTo(ctx: UiContext, line: number, column: number): Promise<void> {
  await ctx.page.keyboard.press('Control+G');
  const input = ctx.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  await input.fill(`:${line}:${column}`);
  await ctx.page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: TIMEOUT_MS });
}

export const exerciseUiTests: UiTest[] = [
  {
    name: 'an exercise shows its blanks and "0 of 10 blanks filled" in the status bar',
    async run(ctx) {
      await quickOpen(ctx.page, EXERCISE);
      await until('the progress item', async () => ((await progress(ctx).textContent())?.includes('0 of 10 blanks filled') ? true : undefined));
    },
  },
  {
    name: 'practice mode: a right answer and a wrong one are marked as they are typed (screenshot)',
    async run(ctx) {
      const { page } = ctx;
      // line 8: `server -> client: ? seq=y ack=?` — the ack blank at column 31
      await goTo(ctx, 8, 31);
      await page.keyboard.press('Delete');
      await page.keyboard.type('x+1', { delay: 20 });
      // line 9: `client -> server: ACK seq=? ack=?` — the seq blank at column 27
      await goTo(ctx, 9, 27);
      await page.keyboard.press('Delete');
      await page.keyboard.type('x', { delay: 20 });
      await until('"2 of 10 blanks filled"', async () => ((await progress(ctx).textContent())?.includes('2 of 10 blanks filled') ? true : undefined));
      await activeEditor(page).locator('.squiggly-error').first().waitFor({ timeout: TIMEOUT_MS });
      await runCommand(page, 'View: Toggle Problems');
      const markers = page.locator('.markers-panel .monaco-list-row');
      await markers.filter({ hasText: 'not right: seq should be x+1' }).first().waitFor({ timeout: TIMEOUT_MS });
      await markers.filter({ hasText: 'right: ack should be x+1' }).first().waitFor({ timeout: TIMEOUT_MS });
      await goTo(ctx, 9, 28);
      const path = join(ctx.shots, 'exercise-practice.png');
      await page.screenshot({ path });
      ctx.screenshots.push(path);
    },
  },
];
