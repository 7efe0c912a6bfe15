import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { markdownZip } from './markdown-zip';
import { exportArticle, exportData, highlight } from '../../tests/support/test-export-data';

describe('markdownZip', () => {
  it('holds one Markdown file per article in a folder, with UTF-8 names', () => {
    const data = exportData([
      exportArticle({ title: 'Closures: a guide' }, [highlight({ quote: 'q' })]),
      exportArticle({ title: 'Über Café ☕' }),
      exportArticle({ title: 'über café ☕' }),
    ]);
    const files = unzipSync(markdownZip(data));
    expect(Object.keys(files).sort()).toEqual(
      ['Margin/', 'Margin/Closures - a guide.md', 'Margin/Über Café ☕.md', 'Margin/über café ☕ (2).md'].sort(),
    );
    expect(strFromU8(files['Margin/Closures - a guide.md']!)).toContain('> q [↗](');
  });

  it('can put the files at the top level, and survives an export time before 1980', () => {
    const files = unzipSync(markdownZip(exportData([exportArticle({ title: 'A' })], 0), { folder: '' }));
    expect(Object.keys(files)).toEqual(['A.md']);
  });

  it('is an empty zip when there is nothing to export', () => {
    expect(Object.keys(unzipSync(markdownZip(exportData([])))).filter((name) => !name.endsWith('/'))).toEqual([]);
  });
});
