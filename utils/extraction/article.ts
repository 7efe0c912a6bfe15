/**
 * The article the reader view renders, as extracted from a page. Shared by the
 * extension (reader view) and the Node CLI (`npm run extract`), which must agree.
 */
export interface ExtractedArticle {
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 date (or date-time) when the page states one, else null. */
  published: string | null;
  lang: string | null;
  /** Estimated minutes to read `text`, at least 1. */
  readingMinutes: number;
  excerpt: string | null;
  /** Absolute URL of the article's lead image, when it has one. */
  leadImage: string | null;
  /** The page URL the article was extracted from (links are resolved against it). */
  url: string;
  /** Sanitized HTML: exactly what the reader view puts in the DOM. */
  html: string;
  /** Plain text of `html`, block elements separated by newlines. */
  text: string;
  /**
   * Set when Margin's clean-up left much less text than Readability found
   * and the article shown is Readability's own result instead (sanitized, not
   * cleaned up): a sign a clean-up rule misfired on this page.
   */
  fallback?: ExtractionFallback;
}

/** Why the reader shows Readability's result instead of Margin's cleaned-up one. */
export interface ExtractionFallback {
  /** A sentence for logs and the CLI, e.g. "clean-up left 1146 of 9357 characters". */
  reason: string;
  /** Characters (whitespace collapsed) left by Margin's clean-up. */
  ourChars: number;
  /** Characters (whitespace collapsed) in Readability's result. */
  readabilityChars: number;
}

export interface ExtractOptions {
  /** URL of the page; relative links and images are resolved against it. */
  url: string;
}
