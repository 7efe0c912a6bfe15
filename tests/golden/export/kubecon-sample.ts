/**
 * The export golden files' input: the bundled sample post (demo/kubecon-eu-2024-day-two)
 * with three highlights and a page note, as the database would hold them. The
 * selectors are what `describeSpan` gives for each passage in the post's
 * normalized text. Chosen to exercise the formats:
 * 1. a quote with a comma, hyphens and curly quotes, long enough to be linked as a range;
 *    a note with a colon, straight quotes and a comma;
 * 2. a note with a line break and an emoji;
 * 3. the post's last sentence (no suffix), with an em dash; a note with `&`; and a
 *    tag with a space ("hallway track"), shared with highlight 1.
 * The article is on the reading list (being read, starred, tagged "long read"), so
 * every format that carries reading-list fields shows them; the edge sample is not.
 */
import type { ArticleRecord, HighlightRecord, PageNoteRecord, TagRecord } from '@/utils/db/schema';
import type { ExportData } from '@/utils/export/export-data';

const URL = 'https://medium.com/@stevewade/kubecon-eu-2024-day-two-embracing-the-hallway-track-3f9c2a71b8e4';
const T = (h: number, m: number, s: number, ms = 0) => Date.UTC(2024, 2, 22, h, m, s, ms);

export const article: ArticleRecord = {
  id: '018e6571-2e20-7a1c-8d2e-4f3c2a71b8e4',
  createdAt: T(9, 15, 0),
  updatedAt: T(9, 15, 0),
  deletedAt: null,
  deviceId: 'laptop',
  url: URL,
  urls: [URL],
  // Read from Medium's RSS link; the page's canonical link is the clean address.
  pageUrl: `${URL}?source=rss----5517fd7b58a6---4`,
  canonicalUrl: URL,
  title: 'KubeCon EU 2024: Day Two — Embracing the Hallway Track',
  author: 'Steve Wade',
  site: 'Medium',
  host: 'medium.com',
  published: '2024-03-21T18:42:17.311Z',
  lang: 'en',
  savedAt: T(9, 15, 0),
  // On the reading list (#15): being read, starred, with a tag of its own ("long read": a space, as Obsidian cannot have).
  readingStatus: 'reading',
  favourite: true,
  progress: 0.35,
  resumeQuote: 'A Shift in Focus',
  listedAt: T(9, 14, 0),
  articleTags: ['long read'],
  readingMinutes: 4,
  words: [],
};

const base = { deletedAt: null, deviceId: 'laptop', articleId: article.id, anchor: 'anchored' as const, words: [] };

export const highlights: HighlightRecord[] = [
  {
    ...base,
    id: '018e6572-2c80-7b2d-9e3f-50a1b2c3d4e5',
    createdAt: T(9, 16, 5, 120),
    updatedAt: T(9, 31, 47),
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact:
          'After feeling overwhelmed by the scale of the event on Day One, I pivoted towards the “hallway track.” The change in pace allowed me to engage in one-on-one conversations',
        prefix: 'e first place. A Shift in Focus ',
        suffix: ' and small group discussions, an',
      },
      { type: 'TextPositionSelector', start: 463, end: 633 },
    ],
    quote:
      'After feeling overwhelmed by the scale of the event on Day One, I pivoted towards the “hallway track.” The change in pace allowed me to engage in one-on-one conversations',
    colour: 'yellow',
    note: 'Same at every conference: the "hallway track" beats the talks, which are on YouTube anyway.',
    tags: ['hallway track', 'conferences'],
    position: 463,
  },
  {
    ...base,
    id: '018e6573-a114-7c3e-a04f-61b2c3d4e5f6',
    createdAt: T(9, 17, 40, 500),
    updatedAt: T(9, 17, 40, 500),
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact:
          'It’s a strange and wonderful feeling to be approached by people who know me from TGIK, the Google Kubernetes Podcast, and various meetup talks.',
        prefix: 'recognised by fellow attendees. ',
        suffix: ' Their eagerness to discuss topi',
      },
      { type: 'TextPositionSelector', start: 984, end: 1127 },
    ],
    quote:
      'It’s a strange and wonderful feeling to be approached by people who know me from TGIK, the Google Kubernetes Podcast, and various meetup talks.',
    colour: 'green',
    note: 'Being recognised is the best part of a conference.\nMust thank the TGIK crew 🙌',
    tags: ['community', 'tgik'],
    position: 984,
  },
  {
    ...base,
    id: '018e6575-077a-7d4f-b150-72c3d4e5f607',
    createdAt: T(9, 19, 12, 250),
    updatedAt: T(9, 19, 30),
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'The power of the hallway track cannot be underestimated — it’s where the heart of KubeCon truly beats.',
        prefix: 'arned and the connections made. ',
        suffix: '',
      },
      { type: 'TextPositionSelector', start: 2740, end: 2842 },
    ],
    quote: 'The power of the hallway track cannot be underestimated — it’s where the heart of KubeCon truly beats.',
    colour: 'pink',
    note: 'Theme for my own recap: skip talks & talk to people.',
    tags: ['hallway track', 'kubecon'],
    position: 2740,
  },
];

export const pageNote: PageNoteRecord = {
  id: '018e657a-55e0-7e50-8261-83d4e5f60718',
  createdAt: T(9, 25, 0),
  updatedAt: T(9, 25, 0),
  deletedAt: null,
  deviceId: 'laptop',
  articleId: article.id,
  text: 'Read on the train back from Paris. Next time: fewer talks, more hallway.',
  words: [],
};

const tag = (name: string, i: number): TagRecord => ({
  id: `018e6572-2c80-7000-8000-00000000000${i}`,
  createdAt: T(9, 16, 5, 120),
  updatedAt: T(9, 16, 5, 120),
  deletedAt: null,
  name,
  colour: null,
});

export const sampleData: ExportData = {
  articles: [{ article, body: null, highlights, pageNote }],
  tags: ['community', 'conferences', 'hallway track', 'kubecon', 'tgik'].map(tag),
  exportedAt: Date.UTC(2024, 4, 1, 12, 0, 0),
};
