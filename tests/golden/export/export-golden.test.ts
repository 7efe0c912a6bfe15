/**
 * Every export format of the sample post, compared byte for byte with files
 * checked by hand (see the header of `kubecon-sample.ts` for what each highlight
 * exercises). A change to a format shows up here as a diff to review, never as a
 * silently rewritten file: there is deliberately no "update snapshots" switch.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bibtex } from '@/utils/export/bibtex';
import { cslJson } from '@/utils/export/csl-json';
import { highlightsCsv } from '@/utils/export/highlights-csv';
import { copyArticleMarkdown, copyHighlightMarkdown, markdownFiles } from '@/utils/export/markdown-export';
import { ris } from '@/utils/export/ris';
import { w3cAnnotationsJson } from '@/utils/export/w3c-annotations';
import { parseW3cAnnotations } from '@/utils/import/w3c-annotations';
import { edgeData } from './edge-sample';
import { sampleData } from './kubecon-sample';

const golden = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
const [sample] = sampleData.articles;

describe('export of the sample post', () => {
  it('Markdown file, named after the title', () => {
    expect(markdownFiles(sampleData)).toEqual([
      { name: 'KubeCon EU 2024 - Day Two — Embracing the Hallway Track.md', content: golden('kubecon.md') },
    ]);
  });

  it('"copy as Markdown" for the article and for one highlight', () => {
    expect(copyArticleMarkdown(sample!)).toBe(golden('kubecon-copy-article.md'));
    expect(copyHighlightMarkdown(sample!, sample!.highlights[1]!)).toBe(golden('kubecon-copy-highlight.md'));
  });

  it('CSV (with its byte-order mark and CRLF line ends)', () => {
    const csv = golden('kubecon.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')).toHaveLength(5);
    expect(highlightsCsv(sampleData)).toBe(csv);
  });

  it('W3C Web Annotation collection, which imports back to the same highlights and page note', () => {
    expect(w3cAnnotationsJson(sampleData)).toBe(golden('kubecon.jsonld'));
    const back = parseW3cAnnotations(golden('kubecon.jsonld'), { now: 0 });
    if (!back.ok) throw new Error(back.errors.join('\n'));
    expect(back.warnings).toEqual([]);
    expect(back.records.highlights.map((h) => [h.id, h.quote, h.note, h.tags, h.colour])).toEqual(
      sample!.highlights.map((h) => [h.id, h.quote, h.note, h.tags, h.colour]),
    );
    expect(back.records.pageNotes.map((n) => [n.id, n.text])).toEqual([[sample!.pageNote!.id, sample!.pageNote!.text]]);
  });

  it('BibTeX, RIS (CRLF) and CSL-JSON', () => {
    expect(bibtex(sampleData)).toBe(golden('kubecon.bib'));
    expect(ris(sampleData)).toBe(golden('kubecon.ris'));
    expect(golden('kubecon.ris')).toMatch(/^TY {2}- ELEC\r\n[\s\S]*\r\nER {2}- \r\n$/);
    expect(cslJson(sampleData)).toBe(golden('kubecon.csl.json'));
  });
});

describe('export of the edge cases (right-to-left, emoji, missing fields, formulas)', () => {
  it('Markdown files', () => {
    expect(markdownFiles(edgeData)).toEqual([
      { name: 'كيف نكتب - دليل قصير.md', content: golden('edge-1.md') },
      { name: "Update Tides & Times — 'What Changed'.md", content: golden('edge-2.md') },
    ]);
  });

  it('CSV, with formulas neutralized', () => {
    const csv = golden('edge.csv');
    expect(csv).toContain(",'=SUM(A1:A2),");
    expect(csv).toContain(`"'-5 points\n@everyone read this"`);
    expect(highlightsCsv(edgeData)).toBe(csv);
  });

  it('W3C, BibTeX, RIS and CSL-JSON', () => {
    expect(w3cAnnotationsJson(edgeData)).toBe(golden('edge.jsonld'));
    expect(bibtex(edgeData)).toBe(golden('edge.bib'));
    expect(ris(edgeData)).toBe(golden('edge.ris'));
    expect(cslJson(edgeData)).toBe(golden('edge.csl.json'));
  });
});
