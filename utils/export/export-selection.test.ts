import { describe, expect, it } from 'vitest';
import type { LibraryHit } from '@/utils/db/search-library';
import type { ArticleRecord, HighlightRecord } from '@/utils/db/schema';
import type { ExportData } from './export-data';
import { applySelection, selectionFromHits } from './export-selection';

const article = (id: string) => ({ id }) as ArticleRecord;
const highlight = (id: string, articleId: string) => ({ id, articleId }) as HighlightRecord;

describe('export selection from search hits', () => {
  const hits: LibraryHit[] = [
    { kind: 'highlight', highlight: highlight('h2', 'a1'), article: article('a1') },
    { kind: 'article', article: article('a2') },
    { kind: 'highlight', highlight: highlight('h9', 'a2'), article: article('a2') },
  ];

  it('keeps only the highlights found, unless the article itself was found', () => {
    const selection = selectionFromHits(hits);
    expect(selection.articleIds).toEqual(['a1', 'a2']);
    const data: ExportData = {
      exportedAt: 0,
      tags: [],
      articles: [
        {
          article: article('a1'),
          body: null,
          pageNote: null,
          highlights: [highlight('h1', 'a1'), highlight('h2', 'a1')],
        },
        {
          article: article('a2'),
          body: null,
          pageNote: null,
          highlights: [highlight('h8', 'a2'), highlight('h9', 'a2')],
        },
      ],
    };
    const narrowed = applySelection(data, selection);
    expect(narrowed.articles.map((a) => a.highlights.map((h) => h.id))).toEqual([['h2'], ['h8', 'h9']]);
  });
});
