/**
 * Attack 7 of the hostile-page suite in Chromium (the Firefox twin is in
 * hostile-page.firefox.test.ts): a compromised content script — code run in Margin's own
 * content-script world, reached here through the DevTools protocol as an exploit in the page's
 * renderer would reach it — asks the background for another site's page, another tab's page,
 * and to change or delete what is not its page's. The background must answer with nothing of
 * them and change nothing. A file of its own so the Chromium hostile-page suite is left as it is;
 * it can move there as one more test.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_PATH, launchChromiumWithExtension, type ChromiumSession } from '../../scripts/lib/chromium';
import { startServer } from '../../scripts/serve';
import { dataLayerBundle, readStoredInExtensionPage, seedInExtensionPage, type StoredState } from './hostile-db';
import { evaluateInContentScript, tabIdOf } from './hostile-chromium';
import { HOSTILE_PATH, PRIVATE_NEEDLES, SECRET_PASSAGE, TYPED_PASSAGE, leaks, paintedTexts, stopPageTimers } from './hostile-driver';
import { carriedOut, compromisedContentScript, messagesSeed, type Answer } from './hostile-messages';
import { browserSkipReason } from './support';

const skip = browserSkipReason(CHROMIUM_PATH, 'chromium');
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe.skipIf(skip)(`a compromised content script in Chromium${skip ? ` (${skip})` : ''}`, () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let session: ChromiumSession;

  beforeAll(async () => {
    server = await startServer({ root: resolve('demo') });
    session = await launchChromiumWithExtension({
      // Another site's page, on the local server (the network is closed).
      extraArgs: ['--host-resolver-rules=MAP *.azurewebsites.net 127.0.0.1'],
    });
    await session.controlPage.evaluate(await dataLayerBundle());
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  const stored = (): Promise<StoredState> => session.controlPage.evaluate(readStoredInExtensionPage);

  async function open(url: string, paints: string[]): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(url);
    await expect.poll(() => paintedTexts(page), { timeout: 15_000, message: `${url}: the seeded highlights are painted` }).toEqual(paints);
    return page;
  }

  /** Sends a message from Margin's content-script world in `page`: the browser names that tab and page as the sender. */
  async function sendFromContentScript(page: Page, type: string, data: unknown): Promise<Answer> {
    return (await evaluateInContentScript(
      page,
      session,
      `(() => {
        const { type, data } = ${JSON.stringify({ type, data })};
        return chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })
          .then((reply) => reply ?? { err: 'no answer' }, (e) => ({ err: String(e && e.message || e) }));
      })()`,
    )) as Answer;
  }

  test('attack 7: a compromised content script gets nothing of another page or tab, and changes nothing there', async () => {
    const victimUrl = `http://victim.azurewebsites.net:${server.port}${HOSTILE_PATH}`;
    const ownUrl = new URL(HOSTILE_PATH, server.url).href;
    const ids = await session.controlPage.evaluate(seedInExtensionPage, messagesSeed(ownUrl, victimUrl));
    const [victimHighlight, ownHighlight] = [ids[SECRET_PASSAGE]!, ids[TYPED_PASSAGE]!];
    const victimPage = await open(victimUrl, [SECRET_PASSAGE]);
    const page = await open(ownUrl, [TYPED_PASSAGE]);
    try {
      await stopPageTimers(page);
      const before = await stored();
      const { own, answers } = await compromisedContentScript((type, data) => sendFromContentScript(page, type, data), {
        ownUrl,
        victimUrl,
        victimTab: await tabIdOf(session, victimPage),
        victimHighlight,
        ownHighlight,
      });
      // The channel is Margin's own: its page's own highlight comes back.
      expect(JSON.stringify(own), 'the content script’s world opens its own page').toContain(ownHighlight);

      const said = JSON.stringify(answers);
      // Soft: every request that got through is reported, not only the first.
      expect.soft(said, 'an answer holds the other page’s highlight').not.toContain(victimHighlight);
      expect.soft(said, 'an answer holds the other tab’s address').not.toContain(new URL(victimUrl).host);
      expect.soft(leaks({ answers } as never, PRIVATE_NEEDLES), 'private text in the answers').toEqual([]);
      expect.soft(carriedOut(answers), 'requests the background carried out').toEqual([]);
      const victimArticle = before.articles.find((a) => a.urls.includes(victimUrl))?.id;
      for (const opened of [answers.openVictim, answers.claimVictim]) {
        expect.soft((opened.res as { article: { id: string } | null } | undefined)?.article?.id, 'opened as the other page’s article').not.toBe(victimArticle);
      }
      await sleep(500);
      expect.soft(await stored(), 'the records changed under the content script’s requests').toEqual(before);
      expect.soft(await paintedTexts(victimPage), 'the other tab’s highlight').toEqual([SECRET_PASSAGE]);
    } finally {
      await page.close();
      await victimPage.close();
    }
  });
});
