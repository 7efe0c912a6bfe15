import { describe, expect, it } from 'vitest';
import { extract, page, proseHtml } from '../../tests/support/test-pages';

const SOURCES = [
  'Müller, A. (2019): Leuchttürme der Nordsee. Hamburg: Meeresverlag, S. 12–19.',
  'Schmidt, B. (2021): Automatisierung der Küstenfeuer. In: Zeitschrift für Seefahrt 14(2), S. 45–61.',
];
const sourcesList = SOURCES.map((s) => `<li>${s}</li>`).join('');
const text = (html: string) => extract(page({ article: `${proseHtml(4)}${html}` }))!.text;

describe('a section the page hides until the reader opens it', () => {
  it('a sources list behind a collapsed toggle is kept, under its label without the bullet', () => {
    const t = text(
      `<div class="sources"><button aria-expanded="false" aria-controls="src">• Quellen</button><ol id="src" hidden>${sourcesList}</ol></div>`,
    );
    for (const s of SOURCES) expect(t).toContain(s);
    expect(t).toContain('Quellen');
    expect(t).not.toContain('•');
  });

  it('a toggle right before its panel opens it too, in any language, and with display:none', () => {
    const t = text(
      `<div class="faq"><button aria-expanded="false">▸ 出典</button><div style="display: none"><p>${SOURCES[0]}</p><p>${SOURCES[1]}</p></div></div>`,
    );
    for (const s of SOURCES) expect(t).toContain(s);
    expect(t).toContain('出典');
  });

  it('hidden="until-found" text is kept (the browser finds and opens it)', () => {
    const t = text(`<div hidden="until-found"><p>${SOURCES[0]} ${SOURCES[1]}</p></div>`);
    expect(t).toContain(SOURCES[1]);
  });

  it('a hidden menu, a hidden sign-up form and hidden text nothing opens stay out', () => {
    const links = Array.from({ length: 8 }, (_, i) => `<li><a href="/section/${i}">Section number ${i}</a></li>`).join(
      '',
    );
    const t = text(`
      <button aria-expanded="false" aria-controls="menu">Menu</button><ul id="menu" hidden>${links}</ul>
      <button aria-expanded="false" aria-controls="signup">Newsletter</button>
      <div id="signup" hidden><p>Get the best stories of the week in your inbox, every Friday morning, free of charge.</p><input type="email"></div>
      <div hidden><p>${SOURCES[0]} ${SOURCES[1]}</p></div>`);
    expect(t).not.toContain('Section number');
    expect(t).not.toContain('best stories');
    expect(t).not.toContain(SOURCES[0]);
  });
});
