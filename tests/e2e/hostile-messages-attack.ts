/**
 * Attack 7 of the hostile-page scenario (hostile-scenario.ts), for any browser: a compromised
 * content script — code run in Margin's own content-script world, reached as an exploit in the
 * page's renderer would reach it — asks the background for another site's page, another tab's
 * page, and to change or delete what is not its page's (`hostile-messages.ts`). The background
 * must answer with nothing of them and change nothing.
 */
import { expect } from 'vitest';
import {
  HOSTILE_PATH,
  PRIVATE_NEEDLES,
  SECRET_PASSAGE,
  TYPED_PASSAGE,
  leaks,
  paintedTexts,
  stopPageTimers,
} from './hostile-driver';
import { carriedOut, compromisedContentScript, messagesSeed } from './hostile-messages';
import { sleep, type HostileContext } from './hostile-scenario';

/** Declares attack 7 in the suite's describe block. */
export function compromisedContentScriptAttack(ctx: HostileContext): void {
  ctx.test(
    'attack 7: a compromised content script gets nothing of another page or tab, and changes nothing there',
    async () => {
      // Another site's page, open in another tab, with the private note, tags and page note.
      const victimUrl = `http://victim.azurewebsites.net:${ctx.server().port}${HOSTILE_PATH}`;
      const ownUrl = ctx.hostileUrl();
      const ids = await ctx.seed(messagesSeed(ownUrl, victimUrl));
      const [victimHighlight, ownHighlight] = [ids[SECRET_PASSAGE]!, ids[TYPED_PASSAGE]!];
      const victimTab = await ctx.openPainted(victimUrl, [SECRET_PASSAGE], true);
      const tab = await ctx.openPainted(ownUrl, [TYPED_PASSAGE], true);
      try {
        await stopPageTimers(tab);
        const before = await ctx.stored();
        const { own, answers } = await compromisedContentScript((type, data) => tab.sendFromContentScript(type, data), {
          ownUrl,
          victimUrl,
          victimTab: await victimTab.tabId(),
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
          expect
            .soft(
              (opened.res as { article: { id: string } | null } | undefined)?.article?.id,
              'opened as the other page’s article',
            )
            .not.toBe(victimArticle);
        }
        await sleep(500);
        expect.soft(await ctx.stored(), 'the records changed under the content script’s requests').toEqual(before);
        expect.soft(await paintedTexts(victimTab), 'the other tab’s highlight').toEqual([SECRET_PASSAGE]);
      } finally {
        await tab.close();
        await victimTab.close();
      }
    },
  );
}
