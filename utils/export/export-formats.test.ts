import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from './export-formats';
import { exportArticle, exportData, highlight } from '../../tests/support/test-export-data';

describe('the JSON export', () => {
  it('carries every article’s reading-list fields, and no search words', () => {
    const data = exportData([
      exportArticle(
        {
          title: 'Listed',
          readingStatus: 'reading',
          favourite: true,
          progress: 0.5,
          resumeQuote: 'Half way',
          listedAt: Date.UTC(2024, 1, 2),
          articleTags: ['longform'],
          readingMinutes: 7,
        },
        [highlight({ quote: 'q' })],
      ),
    ]);
    const [file] = EXPORT_FORMATS.json(data);
    const parsed = JSON.parse(file!.content as string);
    expect(parsed.articles[0].article).toMatchObject({
      readingStatus: 'reading',
      favourite: true,
      progress: 0.5,
      resumeQuote: 'Half way',
      listedAt: Date.UTC(2024, 1, 2),
      articleTags: ['longform'],
      readingMinutes: 7,
    });
    expect(file!.content).not.toContain('"words"');
  });
});
