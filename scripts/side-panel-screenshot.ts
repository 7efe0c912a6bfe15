/**
 * Makes `docs/side-panel.png` for the README: the sample post with Margin's side panel
 * beside it, 1280×800. Chromium with the built extension; highlights are made through
 * the extension; the panel page (bound to the post's tab) and the post are captured
 * apart and set side by side in a page of their own, as the browser shows them.
 *
 * `npm run build && node --import tsx scripts/side-panel-screenshot.ts`
 */
import { resolve } from 'node:path';
import { launchChromiumWithExtension } from './lib/chromium';
import { seedFromExtensionPage, type SeedHighlight } from './lib/seed-highlights';
import { startServer } from './serve';

const WIDTH = 1280;
const HEIGHT = 800;
const PANEL = 400;

const server = await startServer({ root: resolve('demo') });
const session = await launchChromiumWithExtension();
try {
  const page = await session.context.newPage();
  await page.setViewportSize({ width: WIDTH - PANEL, height: HEIGHT });
  await page.goto(new URL('/kubecon-eu-2024-day-two/', server.url).href);
  const tabId = await session.controlPage.evaluate(
    async (url) => (await chrome.tabs.query({ url }))[0]!.id!,
    page.url(),
  );
  for (let i = 0; ; i++) {
    try {
      await session.controlPage.evaluate(seedFromExtensionPage, {
        tabId,
        highlights: [
          {
            exact: 'In a conscious effort to seek balance amidst the bustling conference environment',
            colour: 'yellow',
            tags: ['kubecon'],
          },
          {
            exact: 'I pivoted towards the “hallway track.”',
            colour: 'green',
            note: 'The best talks were in the corridors. Plan fewer sessions next time.',
            tags: ['kubecon', 'hallway track'],
          },
          {
            exact: 'One of the most humbling aspects of the day was being recognised by fellow attendees',
            colour: 'pink',
            note: 'Thank the people who stopped me after the GitOps talk.',
          },
          { exact: 'technical deep dives into GitOps best practices', colour: 'blue', tags: ['gitops'] },
          {
            exact: 'Today has been a powerful reminder of why I fell in love with this community',
            colour: 'purple',
            note: 'Quote this in the team retro.',
          },
        ] satisfies SeedHighlight[],
      });
      break;
    } catch (error) {
      if (i > 50) throw error;
      await page.waitForTimeout(100);
    }
  }
  await page.reload();
  await page.waitForFunction(() => {
    let n = 0;
    for (const [, h] of (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights) n += h.size;
    return n >= 5;
  });

  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: PANEL, height: HEIGHT });
  await panel.goto(`chrome-extension://${session.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.locator('[data-list="cards"] [data-card]').nth(4).waitFor();
  await panel.locator('[data-page-note]').fill('Day Two: the hallway track beat the keynotes.');
  await panel.locator('[data-field="title"]').click();
  // The second card open, as after a click on its highlight; the page scrolled to it.
  await panel.locator('[data-list="cards"] [data-card]').nth(1).locator('[data-action="reveal"]').click();
  await panel.locator('[data-list="cards"] [data-card]').nth(1).locator('[data-action="edit"]').click();
  await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await panel.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);

  const left = (await page.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const sheet = await session.context.newPage();
  await sheet.setViewportSize({ width: WIDTH, height: HEIGHT });
  await sheet.setContent(
    `<body style="margin:0;display:flex;background:#fff"><img src="data:image/png;base64,${left}" width="${WIDTH - PANEL}" height="${HEIGHT}">` +
      `<img src="data:image/png;base64,${right}" width="${PANEL}" height="${HEIGHT}" style="border-left:1px solid #d0d7de;box-sizing:border-box"></body>`,
  );
  await sheet.screenshot({ path: resolve('docs/side-panel.png') });
  console.log('docs/side-panel.png written');
} finally {
  await session.close();
  await server.close();
}
