/**
 * The hostile-page suite's compromised content script (attack 7), for either driver: what it
 * asks the background for, sent from Margin's own content-script world in the attacker's tab
 * (so the browser names that tab and page as the sender), while another site's page with the
 * user's private note is open in another tab. The driver supplies `send`; the test judges the
 * answers and the records.
 */
import type { SeedArticle } from './hostile-db';
import {
  HOSTILE_TITLE,
  PLANTED,
  SECRET_NOTE,
  SECRET_PAGE_NOTE,
  SECRET_PASSAGE,
  SECRET_TAGS,
  TYPED_PASSAGE,
} from './hostile-driver';

/** A message's answer as `@webext-core/messaging` gives it. */
export interface Answer {
  res?: unknown;
  err?: unknown;
}

/** The attacker's own page's highlight, the victim's (`SECRET_PASSAGE`, with the note, tags and page note). */
export function messagesSeed(ownUrl: string, victimUrl: string): SeedArticle[] {
  return [
    {
      pageUrl: victimUrl,
      title: 'Victim',
      pageNote: SECRET_PAGE_NOTE,
      highlights: [{ quote: SECRET_PASSAGE, colour: 'green', note: SECRET_NOTE, tags: SECRET_TAGS }],
    },
    { pageUrl: ownUrl, title: HOSTILE_TITLE, highlights: [{ quote: TYPED_PASSAGE, colour: 'blue' }] },
  ];
}

const pageInfo = (pageUrl: string, canonicalUrl: string | null) => ({
  pageUrl,
  canonicalUrl,
  title: HOSTILE_TITLE,
  author: null,
  site: null,
  published: null,
  lang: 'en',
});

export interface Targets {
  ownUrl: string;
  victimUrl: string;
  /** The tab showing the victim's page. */
  victimTab: number;
  victimHighlight: string;
  ownHighlight: string;
}

/**
 * Sends the attack's requests through `send` (from the content script's world).
 * @return `own`: its own page opened (proof the channel is Margin's); `answers`: every request's answer, by name
 */
export async function compromisedContentScript(
  send: (type: string, data: unknown) => Promise<Answer>,
  t: Targets,
): Promise<{ own: Answer; answers: Record<'openVictim' | 'claimVictim' | ForbiddenRequest, Answer> }> {
  const own = await send('page:open', pageInfo(t.ownUrl, null));
  const answers = {
    // Another page's annotations, by naming its address, or claiming it as the canonical one.
    openVictim: await send('page:open', pageInfo(t.victimUrl, null)),
    claimVictim: await send('page:open', pageInfo(t.ownUrl, t.victimUrl)),
    // Another tab's address and title.
    tabPage: await send('tab:page', { tabId: t.victimTab }),
    // Writes on another page's highlight and page note.
    update: await send('highlight:update', { id: t.victimHighlight, patch: { colour: 'pink' } }),
    delete: await send('highlight:delete', { id: t.victimHighlight }),
    restore: await send('highlight:restore', { id: t.victimHighlight }),
    pageNote: await send('page-note:set', { tabId: t.victimTab, text: PLANTED[0] }),
    // A note and tags written from the page, on its own highlight.
    plantNote: await send('highlight:update', { id: t.ownHighlight, patch: { note: PLANTED[0], tags: [PLANTED[1]] } }),
  };
  return { own, answers };
}

/** The requests a content script must be refused outright. */
export type ForbiddenRequest = 'tabPage' | 'update' | 'delete' | 'restore' | 'pageNote' | 'plantNote';
const FORBIDDEN: ForbiddenRequest[] = ['tabPage', 'update', 'delete', 'restore', 'pageNote', 'plantNote'];

/** Whether an answer is a refusal: a rejected message, or the message's own `{ error }` answer. */
export function refused(answer: Answer): boolean {
  return answer.err !== undefined || (answer.res as { error?: unknown } | null | undefined)?.error !== undefined;
}

/** The forbidden requests the background carried out, each with its answer (empty when all were refused). */
export function carriedOut(answers: Record<ForbiddenRequest, Answer>): string[] {
  return FORBIDDEN.filter((name) => !refused(answers[name])).map((name) => `${name}: ${JSON.stringify(answers[name])}`);
}
