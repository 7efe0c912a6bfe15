/**
 * The user's own Markdown templates (options page), read by every Markdown export
 * in the extension. Empty means the default. Stored as typed; a template that does
 * not compile is refused by the options page before it gets here.
 */
import { storage } from 'wxt/utils/storage';

export interface MarkdownTemplates {
  article: string;
  highlight: string;
}

const templatesItem = storage.defineItem<MarkdownTemplates>('local:markdownTemplates', {
  fallback: { article: '', highlight: '' },
});

export async function loadMarkdownTemplates(): Promise<MarkdownTemplates> {
  const v = await templatesItem.getValue();
  return {
    article: typeof v?.article === 'string' ? v.article : '',
    highlight: typeof v?.highlight === 'string' ? v.highlight : '',
  };
}

export async function saveMarkdownTemplates(templates: MarkdownTemplates): Promise<void> {
  await templatesItem.setValue(templates);
}

/** The export options for the stored templates (defaults where empty). */
export async function markdownOptions(): Promise<{ template?: string; highlightTemplate?: string }> {
  const t = await loadMarkdownTemplates();
  return {
    ...(t.article.trim() && { template: t.article }),
    ...(t.highlight.trim() && { highlightTemplate: t.highlight }),
  };
}
