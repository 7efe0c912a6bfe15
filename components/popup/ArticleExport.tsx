/** Export of the page's article from the popup: Markdown (copy or file) and citations. */
import type { MarginDb } from '@/utils/db';
import { collectExportData } from '@/utils/export/collect-export-data';
import { EXPORT_FORMATS, type FormatName } from '@/utils/export/export-formats';
import { copyArticleMarkdown } from '@/utils/export/markdown-export';
import { markdownOptions } from '@/utils/export/markdown-template-store';
import { saveFiles } from '@/components/export/save-files';

interface Props {
  db: MarginDb;
  articleId: string;
  onMessage(text: string): void;
}

export function ArticleExport({ db, articleId, onMessage }: Props) {
  const data = () => collectExportData(db, { articleIds: [articleId], bodies: false });

  const download = async (format: FormatName) => {
    const name = saveFiles(EXPORT_FORMATS[format](await data(), await markdownOptions()), 'margin-markdown.zip');
    onMessage(`Saved ${name}.`);
  };
  const copy = async () => {
    const [article] = (await data()).articles;
    if (!article) return;
    await navigator.clipboard.writeText(copyArticleMarkdown(article, await markdownOptions()));
    onMessage('Copied as Markdown.');
  };

  return (
    <div className="pp-actions pp-export" aria-label="Export this article" role="group">
      <button type="button" className="pp-button" data-action="copy-markdown" onClick={() => void copy()}>
        Copy as Markdown
      </button>
      <button type="button" className="pp-button" data-export="markdown" onClick={() => void download('markdown')}>
        Markdown file
      </button>
      <button type="button" className="pp-button" data-export="bibtex" onClick={() => void download('bibtex')}>
        BibTeX
      </button>
      <button type="button" className="pp-button" data-export="ris" onClick={() => void download('ris')}>
        RIS
      </button>
    </div>
  );
}
