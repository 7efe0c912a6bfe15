/**
 * The Markdown export template, editable: checked as the user types (errors name
 * line and column), saved only when it compiles, resettable to the default.
 */
import { useEffect, useState } from 'react';
import { checkMarkdownTemplate } from '@/utils/export/markdown-export';
import { DEFAULT_ARTICLE_TEMPLATE } from '@/utils/export/markdown-templates';
import { loadMarkdownTemplates, saveMarkdownTemplates } from '@/utils/export/markdown-template-store';

export function MarkdownTemplateSection() {
  const [source, setSource] = useState<string | null>(null);
  const [state, setState] = useState<string>('');

  useEffect(() => {
    void loadMarkdownTemplates().then((t) => setSource(t.article || DEFAULT_ARTICLE_TEMPLATE));
  }, []);
  if (source === null) return null;

  const problem = checkMarkdownTemplate(source, 'article');
  const save = async () => {
    if (problem) return;
    await saveMarkdownTemplates({ article: source === DEFAULT_ARTICLE_TEMPLATE ? '' : source, highlight: '' });
    setState('Saved: Markdown exports use this template.');
  };

  return (
    <section aria-labelledby="md-template">
      <h2 id="md-template">Markdown export template</h2>
      <p className="options-hint">
        <code>{'{{title}}'}</code>, <code>{'{{#highlights}}…{{/highlights}}'}</code>,{' '}
        <code>{'{{quote|blockquote}}'}</code>, <code>{'{{#note}}…{{/note}}'}</code>, <code>{'{{link}}'}</code>: the
        README lists every field.
      </p>
      <textarea
        data-field="markdown-template"
        aria-label="Markdown template"
        value={source}
        rows={14}
        style={{ width: '100%', fontFamily: 'ui-monospace, monospace' }}
        onChange={(e) => {
          setSource(e.target.value);
          setState('');
        }}
      />
      <p role="status" data-template-status className={problem ? 'options-error' : 'options-hint'}>
        {problem ? problem.message : state || 'The template is valid.'}
      </p>
      <button type="button" data-action="save-template" disabled={Boolean(problem)} onClick={() => void save()}>
        Save template
      </button>{' '}
      <button type="button" data-action="reset-template" onClick={() => setSource(DEFAULT_ARTICLE_TEMPLATE)}>
        Reset to the default
      </button>
    </section>
  );
}
