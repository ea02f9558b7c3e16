/**
 * axe-core in Chromium, held to one rule set for every page the tests look at: WCAG 2.2 at levels A
 * and AA (the national 适老化 and accessibility rules follow WCAG).
 * @module
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** The axe tags every page is checked against. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it stands; returns the violations. */
export async function axeRun(page: Page): Promise<axe.Result[]> {
  await page.addScriptTag({ content: axe.source });
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
      }),
    wcagTags,
  );
  return result.violations;
}
