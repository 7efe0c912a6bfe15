/**
 * The templates the Markdown export uses unless the user writes their own (the
 * language is in `markdown-template.ts`, the fields in `markdown-view.ts`).
 * They are written for Obsidian and Logseq: YAML frontmatter Obsidian shows as
 * properties, block quotes, `#tags`, and a link from every quote back to its passage.
 */

/** One file per article. */
export const DEFAULT_ARTICLE_TEMPLATE = `---
title: {{title|yaml}}
{{#author}}
author: {{author|yaml}}
{{/author}}
{{#site}}
site: {{site|yaml}}
{{/site}}
url: {{url|yaml}}
{{#published}}
published: {{published|yaml}}
{{/published}}
saved: {{saved|yaml}}
{{#status}}
status: {{status|yaml}}
progress: {{progress|yaml}}
{{/status}}
{{#favourite}}
favourite: true
{{/favourite}}
{{#readingTime}}
reading_time: {{readingTime|yaml}}
{{/readingTime}}
tags: {{tags|yaml}}
---

# {{title}}

{{#author}}{{author}} · {{/author}}{{#site}}{{site}} · {{/site}}{{#published}}{{published}} · {{/published}}[Original]({{url}})
{{#note}}

{{note}}
{{/note}}
{{#highlightCount}}

## Highlights
{{/highlightCount}}
{{#highlights}}

{{quote|blockquote}} [↗]({{link}})
{{#note}}

{{note}}
{{/note}}
{{#hashtags}}

{{hashtags}}
{{/hashtags}}
{{/highlights}}
`;

/** "Copy as Markdown" for one highlight: the quote with where it is from, then its note and tags. */
export const DEFAULT_HIGHLIGHT_TEMPLATE = `{{quote|blockquote}}
>
> — {{#author}}{{author}}, {{/author}}[{{title}}]({{link}})
{{#note}}

{{note}}
{{/note}}
{{#hashtags}}

{{hashtags}}
{{/hashtags}}
`;
