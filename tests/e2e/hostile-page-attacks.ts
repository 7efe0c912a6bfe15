/**
 * Attacks 1 to 6 of the hostile-page scenario (hostile-scenario.ts), for any browser: what the
 * page's own script observes, plants, replays and rewrites, what a page naming another tenant's
 * page as its canonical is shown, and what of the sync secrets a content script can reach.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import type { HostileTab } from './hostile-browser';
import {
  HOSTILE_PATH,
  HOSTILE_TITLE,
  PLANTED,
  PRIVATE_NEEDLES,
  SECRET_PASSAGE,
  TRUSTED_PASSAGE,
  TYPED_NOTE,
  TYPED_PASSAGE,
  highlightPoint,
  leaks,
  lootOf,
  pageAttacks,
  paintedTexts,
  phraseEnds,
  seededArticle,
  stopPageTimers,
  withCanonical,
} from './hostile-driver';
import { sleep, type HostileContext } from './hostile-scenario';

const WEBDAV_PASSWORD = 'hunter2-WEBDAV-pw-7731';
const SYNC_PASSPHRASE = 'correct-horse-PASSPHRASE-4410';

/** Declares attacks 1 to 6 in the suite's describe block. */
export function attacksOnThePage(ctx: HostileContext): void {
  const { stored, openHostile } = ctx;

  /** Real input the page can observe: a click on a highlight, a click on the heading, keys on the page. */
  async function userClicksAndTypes(tab: HostileTab): Promise<void> {
    const point = await highlightPoint(tab, SECRET_PASSAGE);
    if (point) await tab.clickAt(point);
    await tab.press('Escape');
    await tab.click('h1');
    await tab.type('ok');
    if (ctx.suite.shiftArrow) await tab.press('Shift+ArrowRight');
    await tab.press('Escape');
  }

  ctx.test('attack 1: the page observes no note or tag text, neither seeded nor typed for real', async () => {
    const tab = await openHostile();
    try {
      const editor = await tab.typeNoteForReal(TYPED_PASSAGE, TYPED_NOTE);
      await pageAttacks(tab, 'attack');
      await pageAttacks(tab, 'replay');
      await pageAttacks(tab, 'attack');
      const loot = await lootOf(tab);
      // The page's script did run and see the painting (which passages are highlighted is no secret).
      expect(loot.rounds).toBeGreaterThan(0);
      expect(loot.highlightTexts).toContain(SECRET_PASSAGE);
      expect(
        leaks(loot, PRIVATE_NEEDLES),
        `the page read private text (the note was typed into the ${editor})`,
      ).toEqual([]);
      // The note was really typed and saved.
      await expect
        .poll(
          async () => (await stored()).highlights.find((h) => h.quote === TYPED_PASSAGE && h.deletedAt === null)?.note,
        )
        .toBe(TYPED_NOTE);
    } finally {
      await tab.close();
    }
  });

  ctx.test('attack 2: synthetic events create, change and delete nothing', async () => {
    const tab = await openHostile();
    try {
      const before = await stored();
      expect(before.highlights.filter((h) => h.deletedAt === null)).toHaveLength(2);
      await pageAttacks(tab, 'attack');
      await pageAttacks(tab, 'replay');
      await pageAttacks(tab, 'attack');
      // Writes go through the background in a few ms; give any the barrage started time to land.
      await sleep(1500);
      const after = await stored();
      expect(JSON.stringify(after), 'the page planted its own note or tag').not.toMatch(
        new RegExp(PLANTED.join('|'), 'i'),
      );
      expect(after, 'the records changed under the page’s synthetic events').toEqual(before);
    } finally {
      await tab.close();
    }
  });

  ctx.test(
    'attack 3: replaying every event it observed does not stop the painting, and a trusted highlight still works',
    async () => {
      const tab = await openHostile();
      try {
        // Something real for the page to observe and replay: the user clicks and types on the page.
        await userClicksAndTypes(tab);
        // Only replays from here on (the page's other attacks are attack 2's).
        await stopPageTimers(tab);
        await pageAttacks(tab, 'replay');
        await pageAttacks(tab, 'replay');
        const loot = await lootOf(tab);
        expect(loot.replayedCustomEvents.length, 'the page dispatched its "started" events').toBeGreaterThan(0);
        await sleep(1000);
        expect(await paintedTexts(tab), 'the seeded highlights after the replays').toEqual(
          expect.arrayContaining([SECRET_PASSAGE, TYPED_PASSAGE]),
        );

        // The user selects a passage with the mouse and highlights it (Alt+Shift+H's message).
        const { from, to } = await phraseEnds(tab, TRUSTED_PASSAGE);
        await tab.drag(from, to);
        expect(await tab.evaluate(() => String(document.getSelection()), undefined)).toContain(
          'turns the water the colour of',
        );
        expect(await tab.tell('selection:highlight', {}), 'the highlighter answers the shortcut').toEqual({
          res: true,
        });
        await expect
          .poll(async () => (await paintedTexts(tab)).some((t) => t.includes('turns the water the colour of')))
          .toBe(true);
      } finally {
        await tab.close();
      }
    },
  );

  ctx.test('attack 4: the reader overlay can be neither read nor rewritten by the page', async () => {
    const tab = await openHostile();
    try {
      await stopPageTimers(tab);
      expect(await tab.toggleReader()).toEqual({ state: 'opened' });
      const shadowText = tab.readerShadowText;
      if (shadowText) {
        // The reader shows the article (read as the browser's tools see it, closed roots too).
        await expect.poll(() => shadowText(), { timeout: 10_000 }).toContain(HOSTILE_TITLE);
      } else {
        await expect
          .poll(() => tab.evaluate(() => document.querySelector('margin-reader') !== null, undefined))
          .toBe(true);
      }
      await pageAttacks(tab, 'spoof');
      const { reader } = await lootOf(tab);
      expect(reader.seen, 'the page found <margin-reader>').toBe(true);
      const seen = { readable: reader.readable, rewritten: reader.rewritten, readText: reader.text.slice(0, 80) };
      const untouched = { readable: false, rewritten: false, readText: '' };
      if (shadowText) {
        const shown = await shadowText();
        expect({ ...seen, fakePromptShown: shown?.includes('WebDAV password') ?? false }).toEqual({
          ...untouched,
          fakePromptShown: false,
        });
      } else {
        expect(seen).toEqual(untouched);
      }
    } finally {
      await tab.close();
    }
  });

  ctx.test(
    'attack 5: a page naming another tenant’s page as its canonical shows none of its highlights or notes',
    async () => {
      const server = ctx.server();
      const browser = ctx.browser();
      const victim = `http://victim.azurewebsites.net:${server.port}${HOSTILE_PATH}`;
      const evil = `http://evil.azurewebsites.net:${server.port}${HOSTILE_PATH}evil.html`;
      server.setOverride(
        `${HOSTILE_PATH}evil.html`,
        withCanonical(readFileSync(resolve('demo/hostile-annotator/index.html'), 'utf8'), victim),
      );
      // The victim's own page, under its own name: its highlights show there.
      await ctx.seed([seededArticle(victim)]);
      const victimTab = await ctx.openPainted(victim, [SECRET_PASSAGE, TYPED_PASSAGE]);
      const victimArticle = (await stored()).articles[0]!.id;
      await victimTab.close();

      const tab = await browser.open(evil);
      try {
        // Its attacks come after the first look (today they would delete what they were shown).
        await stopPageTimers(tab);
        expect(await tab.title(), `${evil} is served`).toContain(HOSTILE_TITLE);
        expect(
          await tab.evaluate(() => document.querySelector('link[rel=canonical]')?.getAttribute('href'), undefined),
        ).toBe(victim);
        // The highlighter has run there and told the background which page it shows.
        const tabId = await tab.tabId();
        await expect
          .poll(
            async () =>
              ((await browser.askBackground('tab:page', { tabId })).res as { page: { pageUrl: string } | null })?.page
                ?.pageUrl,
            {
              timeout: 15_000,
            },
          )
          .toBe(evil);
        // Anchoring follows the page's answer within milliseconds; a second is plenty.
        await sleep(1000);
        expect(await paintedTexts(tab), 'the victim’s highlights on the other tenant’s page').toEqual([]);
        await pageAttacks(tab, 'attack');
        expect(leaks(await lootOf(tab), PRIVATE_NEEDLES), 'the other tenant’s page read the victim’s notes').toEqual(
          [],
        );
        const { res } = await browser.askBackground('tab:page', { tabId });
        expect(
          (res as { articleId: string | null }).articleId,
          'the page is filed under the victim’s article',
        ).not.toBe(victimArticle);
      } finally {
        await tab.close();
        server.setOverride(`${HOSTILE_PATH}evil.html`, null);
      }
    },
  );

  ctx.test(
    'attack 6: a sync password and passphrase saved in the options page are out of the content scripts’ reach',
    async () => {
      const { api, options } = ctx.browser();
      const tab = await openHostile();
      try {
        // A content script's world (or a renderer taken over through it) listens for storage changes…
        const listening = await tab.inContentScript(
          `(() => { globalThis.__changes = []; ${api}.storage.onChanged.addListener((c, area) => globalThis.__changes.push(area + ' ' + JSON.stringify(c))); return true; })()`,
        );
        expect(listening).toBe(true);

        // …while the user saves sync settings in the options page.
        await options.front();
        await expect.poll(() => options.count('.options-sync[data-sync-loaded="true"]')).toBe(1);
        await options.fill('[data-sync-field="url"]', new URL('/dav/', ctx.server().url).href);
        await options.fill('[data-sync-field="username"]', 'reader');
        await options.fill('[data-sync-field="password"]', WEBDAV_PASSWORD);
        await options.fill('[data-sync-field="folder"]', 'Margin');
        await options.fill('[data-sync-field="passphrase"]', SYNC_PASSPHRASE);
        await options.click('[data-action="sync-save"]');
        await expect.poll(() => options.text('[data-sync-note="save"]')).toMatch(/^Saved/);

        // Everything storage offers the content script's world, and what it heard.
        const reachable = await tab.inContentScript(
          `(async () => {
          const read = async (area) => { try { return ${api}.storage[area] ? await ${api}.storage[area].get(null) : 'absent'; } catch (e) { return 'refused: ' + e.message; } };
          return JSON.stringify({ local: await read('local'), sync: await read('sync'), session: await read('session'), changes: globalThis.__changes });
        })()`,
        );
        expect(typeof reachable, `the content script's world answered: ${JSON.stringify(reachable)}`).toBe('string');
        const found = [WEBDAV_PASSWORD, SYNC_PASSPHRASE].filter((secret) => (reachable as string).includes(secret));
        expect(found, 'secrets a content script can read (storage.local/sync/session, storage.onChanged)').toEqual([]);
        expect(leaks(await lootOf(tab), [WEBDAV_PASSWORD, SYNC_PASSPHRASE]), 'secrets the page saw').toEqual([]);
      } finally {
        await tab.close();
      }
    },
  );
}
