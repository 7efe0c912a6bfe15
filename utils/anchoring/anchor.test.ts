/**
 * What a reader would notice: a highlight made on one version of a page shows
 * up on the same words of another version (edited, re-indented, re-marked-up,
 * re-rendered as a reader view), or not at all when its passage is gone.
 * Every case runs on jsdom and happy-dom, with the later version's markup
 * varied (split text nodes, indentation, inline elements) around the same text.
 */
import { describe as group, expect, test } from 'vitest';
import {
  anchor,
  anchorAll,
  anchorWithConfidence,
  createAnchorer,
  describe,
  LOW_CONFIDENCE,
  type Selector,
} from './index';
import { DOMS, MARKUP_VARIANTS, rangeOfText } from '../../tests/support/test-documents';

interface Case {
  name: string;
  /** The page when the highlight was made (body HTML). */
  before: string;
  /** The highlighted words, and which occurrence of them (0-based) the user selected. */
  select: string;
  occurrence?: number;
  /** The page when the highlight is shown again; defaults to `before`. */
  after?: string;
  /** Where it must land in `after`: [words, occurrence], or null when it must not land. */
  expect: [string, number] | null;
  /** 'fuzzy' when the words themselves changed. */
  strategy?: 'fuzzy';
  /** Whether the UI must flag it (confidence under LOW_CONFIDENCE): a changed word, not a fixed typo. */
  doubtful?: boolean;
}

const ARTICLE = `
  <h1>Tides of the northern coast</h1>
  <p>The harbour master keeps a ledger of every tide since 1902. Each entry records the height of the water,
     the direction of the wind, and the name of the keeper on duty.</p>
  <p>Older entries are written in a careful copperplate hand. Later ones, typed on a machine that
     <em>never quite</em> aligned its letters, are harder to read.</p>
  <p>In the winter of 1953 the ledger records a surge that flooded the lower town. The keeper wrote only
     that the sea came in like a wall, and that the bells rang until dawn.</p>`;

/** A fan-fiction work page: the summary quotes the tags as text, then the tags again as a list of links. */
const TAGS = (summary: string) => `
  <blockquote class="summary"><p>${summary}</p></blockquote>
  <dl class="tags"><dt>Relationships:</dt><dd><ul><li><a>Midoriya Izuku &amp; Yagi Toshinori | All Might</a></li>
  <li><a>Midoriya Izuku &amp; Sensei | All For One</a></li></ul></dd>
  <dt>Characters:</dt><dd><ul><li><a>Midoriya Izuku</a></li><li><a>Yagi Toshinori | All Might</a></li><li><a>Midoriya Inko</a></li>
  <li><a>Sensei | All For One</a></li><li><a>Tsukauchi Naomasa</a></li><li><a>Shigaraki Tomura</a></li></ul></dd></dl>
  ${ARTICLE}`;
const SUMMARY =
  'Relationships: Midoriya Izuku &amp; Yagi Toshinori | All Might, Midoriya Izuku &amp; Sensei | All For One&lt;br /&gt;' +
  'Characters: Midoriya Izuku, Yagi Toshinori | All Might, Midoriya Inko, Sensei | All For One, Tsukauchi Naomasa, Shigaraki Tomura';

const CASES: Case[] = [
  {
    name: 'a quote inside one paragraph, page unchanged',
    before: ARTICLE,
    select: 'the direction of the wind',
    expect: ['the direction of the wind', 0],
  },
  {
    name: 'a quote across an inline element',
    before: ARTICLE,
    select: 'machine that never quite aligned',
    expect: ['machine that never quite aligned', 0],
  },
  {
    name: 'a quote across two paragraphs',
    before: ARTICLE,
    select: 'are harder to read. In the winter of 1953',
    expect: ['are harder to read. In the winter of 1953', 0],
  },
  {
    name: 'paragraphs inserted before the quote',
    before: ARTICLE,
    select: 'a surge that flooded the lower town',
    after: ARTICLE.replace(
      '<h1>',
      '<p>Editor’s note: this essay first ran in 1988.</p><p>It has been lightly revised.</p><h1>',
    ),
    expect: ['a surge that flooded the lower town', 0],
  },
  {
    name: 'a paragraph removed before the quote',
    before: ARTICLE,
    select: 'the sea came in like a wall',
    after: ARTICLE.replace(/<p>Older entries[\s\S]*?<\/p>/, ''),
    expect: ['the sea came in like a wall', 0],
  },
  {
    name: 'a word changed inside the quote',
    before: ARTICLE,
    select: 'written in a careful copperplate hand',
    after: ARTICLE.replace('careful copperplate', 'careful cursive'),
    expect: ['written in a careful cursive hand', 0],
    strategy: 'fuzzy',
    doubtful: true,
  },
  {
    name: 'a word inserted inside a short quote',
    before: ARTICLE,
    select: 'the lower town',
    after: ARTICLE.replace('the lower town', 'the old lower town'),
    expect: ['the old lower town', 0],
    strategy: 'fuzzy',
    doubtful: true,
  },
  {
    name: 'a typo fixed inside the quote and a word changed next to it',
    before: ARTICLE.replace('the bells rang', 'the bels rang'),
    select: 'the bels rang until dawn',
    after: ARTICLE.replace('and that the bells', 'and how the bells'),
    expect: ['the bells rang until dawn', 0],
    strategy: 'fuzzy',
  },
  {
    name: 'words changed around the quote, not in it',
    before: ARTICLE,
    select: 'the name of the keeper on duty',
    after: ARTICLE.replace('the wind, and', 'the wind and, since 1950,'),
    expect: ['the name of the keeper on duty', 0],
  },
  {
    name: 'the passage deleted while its words survive elsewhere',
    before: ARTICLE + '<p>Nobody now alive remembers the keeper on duty that night.</p>',
    select: 'the keeper on duty',
    after:
      ARTICLE.replace(', and the name of the keeper on duty', '') +
      '<p>Nobody now alive remembers the keeper on duty that night.</p>',
    expect: null,
  },
  {
    name: 'the whole paragraph deleted',
    before: ARTICLE,
    select: 'Older entries are written in a careful copperplate hand',
    after: ARTICLE.replace(/<p>Older entries[\s\S]*?<\/p>/, ''),
    expect: null,
  },
  {
    name: 'a near-duplicate elsewhere is not taken for the deleted passage',
    before: `<p>The committee approved the harbour budget on Monday after a short debate.</p>
             <p>Weather delayed the vote on the lighthouse.</p>
             <p>The committee rejected the harbour budget on Friday after a long debate.</p>`,
    select: 'The committee approved the harbour budget on Monday',
    after: `<p>Weather delayed the vote on the lighthouse.</p>
            <p>The committee rejected the harbour budget on Friday after a long debate.</p>`,
    expect: null,
  },
  {
    name: 'an edited passage wins over a verbatim near-duplicate with other context',
    before: `<p>Minutes. The committee approved the harbour budget on Monday after a short debate.</p>
             <p>Summary. The committee approved the harbour budget on Monday, the press reported.</p>`,
    select: 'The committee approved the harbour budget on Monday',
    after: `<p>Minutes. The committee approved the new harbour budget on Monday after a short debate.</p>
            <p>Summary. The committee approved the harbour budget on Monday, the press reported.</p>`,
    expect: ['The committee approved the new harbour budget on Monday', 0],
    strategy: 'fuzzy',
  },
  {
    // The summary's tags as escaped text, and the same tags again as links: no commas, no <br />.
    name: 'a tag block rendered twice: a passage deleted from one copy is not placed on its twin',
    before: TAGS(SUMMARY),
    select: 'Toshinori | All Might, Midoriya Inko, Sensei | All For One,',
    after: TAGS(SUMMARY.replace('Toshinori | All Might, Midoriya Inko, Sensei | All For One, ', '')),
    expect: null,
  },
  {
    // Its context, intact on both sides, finds the edited passage; the twin is cheaper by its quote alone.
    name: 'a tag block rendered twice: a passage edited in one copy is placed there, not on its unedited twin',
    before: TAGS(SUMMARY),
    select: 'Toshinori | All Might,',
    occurrence: 1,
    after: TAGS(SUMMARY.replace('Izuku, Yagi Toshinori | All Might,', 'Izuku, Yagi Toshinori | Absolutely Might,')),
    expect: ['Toshinori | Absolutely Might,', 0],
    strategy: 'fuzzy',
    doubtful: true,
  },
  {
    name: 'a repeated phrase told apart by its context',
    before: `<p>At noon the tide turned. The gulls rose.</p><p>At dusk the tide turned. The boats came home.</p>
             <p>At midnight the tide turned. Nobody saw it.</p>`,
    select: 'the tide turned',
    occurrence: 1,
    after: `<p>Preface.</p><p>At noon the tide turned. The gulls rose.</p><p>At dusk the tide turned. The boats came home.</p>
            <p>At midnight the tide turned. Nobody saw it.</p>`,
    expect: ['the tide turned', 1],
  },
  {
    name: 'a repeated phrase with identical context told apart by position',
    before: '<p>Refrain: roll on, roll on.</p><p>Refrain: roll on, roll on.</p><p>Refrain: roll on, roll on.</p>',
    select: 'roll on, roll on.',
    occurrence: 2,
    after:
      '<p>Intro.</p><p>Refrain: roll on, roll on.</p><p>Refrain: roll on, roll on.</p><p>Refrain: roll on, roll on.</p>',
    expect: ['roll on, roll on.', 2],
  },
  {
    name: 'script, style, noscript and template text is not page text',
    before:
      `<p>Subscribe to the ledger newsletter.</p><script>var t = "the height of the water";</script>
             <style>p::after { content: "the height of the water" }</style><noscript>the height of the water</noscript>
             <template><p>the height of the water</p></template>` + ARTICLE,
    select: 'the height of the water',
    after: ARTICLE.replace('records the height of the water', 'records the water').concat(
      '<script>document.title = "the height of the water"</script>',
    ),
    expect: null,
  },
  {
    name: 'reader view: same article re-rendered, header, byline and navigation gone',
    before: `<header><nav><a href="/">Home</a> <a href="/coast">Coast</a></nav></header>
             <main><article><h1>Tides of the northern coast</h1><div class="byline">By A. Keeper · 6 min read</div>
             <div class="content"><div><span>The harbour master keeps a ledger of every tide since 1902.</span>
             <span>Each entry records the height of the water, the direction of the wind, and the name of the keeper on duty.</span></div>
             <div>Older entries are written in a careful copperplate hand.</div></div></article></main>
             <footer>© Coast Weekly</footer>`,
    select: 'The harbour master keeps a ledger',
    after: `<article><h1>Tides of the northern coast</h1><p>The harbour master keeps a ledger of every tide since 1902.
            Each entry records the height of the water, the direction of the wind, and the name of the keeper on duty.</p>
            <p>Older entries are written in a careful copperplate hand.</p></article>`,
    expect: ['The harbour master keeps a ledger', 0],
  },
];

for (const [domName, makeDocument] of DOMS) {
  group(`anchoring on ${domName}`, () => {
    for (const c of CASES) {
      for (const [variant, vary] of MARKUP_VARIANTS) {
        test(`${c.name} (${variant})`, () => {
          const before = makeDocument(`<!doctype html><body>${c.before}</body>`).body;
          const selectors = describe(before, rangeOfText(before, c.select, c.occurrence));
          const after = makeDocument(`<!doctype html><body>${c.after ?? c.before}</body>`).body;
          vary(after);
          const result = anchorWithConfidence(after, selectors);
          if (!c.expect) {
            expect(result && { text: result.range.toString(), strategy: result.strategy }).toBeNull();
            return;
          }
          expect(result, 'the highlight was not placed').not.toBeNull();
          const want = rangeOfText(after, ...c.expect);
          expect(boundaries(after, result!.range)).toEqual(boundaries(after, want));
          expect(result!.strategy === 'fuzzy').toBe(c.strategy === 'fuzzy');
          expect(result!.confidence < LOW_CONFIDENCE, `confidence ${result!.confidence}`).toBe(!!c.doubtful);
        });
      }
    }

    test('describe → anchor returns the very same range, wherever its ends are', () => {
      const root = makeDocument(`<!doctype html><body>${ARTICLE}</body>`).body;
      const anchorer = createAnchorer(root);
      for (const quote of ['harbour master', 'letters, are harder', 'never quite', 'read. In the winter', 'dawn.']) {
        const range = rangeOfText(root, quote);
        const result = anchorer.anchor(anchorer.describe(range));
        expect(result?.strategy).toBe('position');
        expect(boundaries(root, result!.range)).toEqual(boundaries(root, range));
      }
    });

    test('a selection with loose whitespace and element boundaries stores only the words', () => {
      const root = makeDocument('<!doctype html><body><p>First   line</p>\n\n<p>  second line  </p></body>').body;
      const range = root.ownerDocument.createRange();
      range.setStart(root, 0);
      range.setEnd(root.lastElementChild!.firstChild!, 9);
      const [quote, position] = describe(root, range);
      expect(quote).toEqual({ type: 'TextQuoteSelector', exact: 'First line second', prefix: '', suffix: ' line' });
      expect(position).toEqual({ type: 'TextPositionSelector', start: 0, end: 17 });
      // Back on the page: from the first letter to the last, markup whitespace and all.
      expect(anchor(root, [quote!, position!])?.toString()).toBe('First   line\n\n  second');
    });

    test('many highlights in one batch, page re-indented and a paragraph inserted', () => {
      const before = makeDocument(`<!doctype html><body>${ARTICLE}</body>`).body;
      const quotes = [
        'harbour master',
        'every tide since 1902',
        'careful copperplate',
        'never quite aligned',
        'like a wall',
      ];
      const stored = quotes.map((q) => describe(before, rangeOfText(before, q)));
      const after = makeDocument(`<!doctype html><body><p>New preface.</p>${ARTICLE}</body>`).body;
      MARKUP_VARIANTS.find(([name]) => name === 're-indented')![1](after);
      const results = anchorAll(after, stored);
      expect(results.map((r) => r && boundaries(after, r.range))).toEqual(
        quotes.map((q) => boundaries(after, rangeOfText(after, q))),
      );
    });

    test('a root inside a shadow root (the reader overlay)', () => {
      const doc = makeDocument('<!doctype html><body><div id="host"></div></body>');
      const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
      shadow.innerHTML = `<article>${ARTICLE}</article>`;
      const root = shadow.querySelector('article')!;
      const stored = describe(root, rangeOfText(root, 'the bells rang until dawn'));
      expect(anchor(root, stored)?.toString()).toBe('the bells rang until dawn');
    });

    test('selectors without a quote, or with an empty one, place nothing', () => {
      const root = makeDocument(`<!doctype html><body>${ARTICLE}</body>`).body;
      const onlyPosition: Selector[] = [{ type: 'TextPositionSelector', start: 4, end: 20 }];
      expect(anchor(root, onlyPosition)).toBeNull();
      expect(anchor(root, [{ type: 'TextQuoteSelector', exact: '  ' }])).toBeNull();
    });
  });
}

/** A range's ends as (index of text node under root, offset), plus its text for readable failures. */
function boundaries(root: Element, range: Range): string {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const nodes: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  const at = (node: Node, offset: number) => `${nodes.indexOf(node)}:${offset}`;
  return `${at(range.startContainer, range.startOffset)}–${at(range.endContainer, range.endOffset)} “${range.toString()}”`;
}
