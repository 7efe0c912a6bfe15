/**
 * prunePage removes, before Readability, what can never be shown: besides
 * navigation and print-only copies, what Readability itself drops as hidden
 * on every pass (so removing it first only saves time), and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { parseHtml } from './node-dom';
import { PROSE } from '../../tests/support/test-pages';
import { prunePage } from './prune-page';
import { closestTag, collapsedLength, hasDescendantTag } from './dom-helpers';

function pruned(body: string): Document {
  const dom = parseHtml(
    `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`,
    'https://example.com/',
  );
  prunePage(dom.document);
  return dom.document;
}

describe('prunePage', () => {
  it('removes what Readability drops as hidden: hidden, display:none, visibility:hidden, modal dialogs', () => {
    const doc = pruned(`<p>${PROSE[0]}</p>
      <div hidden>menu one</div>
      <div style="color: red; display : none">menu three</div><div style="visibility:hidden">menu four</div>
      <div role="dialog" aria-modal="true">cookie wall</div>`);
    expect(doc.body.textContent).toContain(PROSE[0]);
    expect(doc.body.textContent).not.toMatch(/menu|cookie wall/);
  });

  it('keeps what Readability keeps: a Wikimedia fallback image, a style that only mentions none, a plain dialog', () => {
    const doc = pruned(`<span aria-hidden="true" class="mwe-math-fallback-image-inline">formula</span>
      <p style="border: none">bordered</p><div role="dialog">inline dialog</div><div aria-hidden="false">shown</div>`);
    expect(doc.body.textContent).toMatch(/formula[\s\S]*bordered[\s\S]*inline dialog[\s\S]*shown/);
  });

  it('removes print-only copies but never one holding the prose', () => {
    const doc = pruned(
      `<div class="entry-content print-only"><p>${PROSE[0]}</p><p>${PROSE[1]}</p></div><div class="visible-print">Printed on 2024-05-01</div><nav>Home</nav>`,
    );
    expect(doc.body.textContent).toContain(PROSE[1]);
    expect(doc.body.textContent).not.toMatch(/Printed on|Home/);
  });
});

describe('selector-free DOM helpers', () => {
  it('collapsedLength counts like replace(/\\s+/g, " ").length', () => {
    for (const text of ['', ' ', '  a  b\n\t c ', '\u00a0x\u3000\u3000y\u2028', 'no-space', '\ufeff\u200a z']) {
      expect(collapsedLength(text)).toBe(text.replace(/\s+/g, ' ').length);
    }
  });

  it('closestTag and hasDescendantTag answer as closest() and querySelector() with tag lists', () => {
    const doc = pruned('<figure><div><span id="s">x</span></div></figure><div id="d"><p><em>y</em></p></div>');
    const span = doc.getElementById('s')!;
    expect(closestTag(span, new Set(['FIGURE']))).toBe(span.closest('figure'));
    expect(closestTag(span, new Set(['SPAN']))).toBe(span);
    expect(closestTag(doc.getElementById('d'), new Set(['FIGURE']))).toBeNull();
    expect(hasDescendantTag(doc.getElementById('d')!, new Set(['EM']))).toBe(true);
    expect(hasDescendantTag(doc.getElementById('d')!, new Set(['IMG', 'SPAN']))).toBe(false);
  });
});
