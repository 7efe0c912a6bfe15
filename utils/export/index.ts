/**
 * Export: what the library's export menu, "copy as Markdown" and the CLI call.
 * Collect the data once (`collectExportData`, or from a backup), then each format
 * is a pure function of it.
 */
export type { ExportArticle, ExportData, RecordSet } from './export-data';
export { collectExportData, type CollectOptions } from './collect-export-data';
export {
  articleMarkdown,
  checkMarkdownTemplate,
  copyArticleMarkdown,
  copyHighlightMarkdown,
  markdownFiles,
  type MarkdownFile,
  type MarkdownOptions,
} from './markdown-export';
export { DEFAULT_ARTICLE_TEMPLATE, DEFAULT_HIGHLIGHT_TEMPLATE } from './markdown-templates';
export { TemplateError } from './markdown-template';
export { markdownZip, type MarkdownZipOptions } from './markdown-zip';
export { markdownFilename, uniqueMarkdownFilenames } from './markdown-filename';
export { highlightsCsv, CSV_COLUMNS } from './highlights-csv';
export { w3cAnnotationCollection, w3cAnnotationsJson } from './w3c-annotations';
export { bibtex } from './bibtex';
export { ris } from './ris';
export { cslItems, cslJson } from './csl-json';
export type { CitationOptions } from './citation-metadata';
