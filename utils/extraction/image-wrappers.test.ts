// @vitest-environment jsdom
import { expect, test } from 'vitest';
import { removeAuthorAvatars } from './author-avatars';
import { tidyImageWrappers } from './image-wrappers';

function article(html: string): Element {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

test('a picture left without its img is removed', () => {
  const a = article('<figure><picture><source srcset="a.webp"></picture><img src="a.png"></figure>');
  tidyImageWrappers(a);
  expect(a.querySelectorAll('picture')).toHaveLength(0);
  expect(a.querySelectorAll('img')).toHaveLength(1);
});

test("a figure's image is taken out of its p, a text paragraph is kept", () => {
  const a = article(
    '<figure><div><p><img src="a.png"></p></div><figcaption>c</figcaption></figure><p><img src="b.png"> with words</p>',
  );
  tidyImageWrappers(a);
  expect(a.querySelector('figure p')).toBeNull();
  expect(a.querySelector('figure img')?.getAttribute('src')).toBe('a.png');
  expect(a.querySelectorAll('p')).toHaveLength(1);
});

test.each([
  [
    'small avatar with the author as alt',
    '<a href="/@jane"><div><img alt="Jane Doe" src="j.png" width="44" height="44"></div></a><p>Text</p>',
    0,
  ],
  ['large portrait of the author stays', '<img alt="Jane Doe" src="j.png" width="800" height="600"><p>Text</p>', 1],
  ['small image of someone else stays', '<img alt="A diagram" src="d.png" width="40" height="40"><p>Text</p>', 1],
  ['no declared size: not assumed small', '<img alt="Jane Doe" src="j.png"><p>Text</p>', 1],
])('%s', (_name, html, images) => {
  const a = article(html);
  removeAuthorAvatars(a, 'Jane Doe');
  expect(a.querySelectorAll('img')).toHaveLength(images);
  expect(a.textContent).toContain('Text');
  // The link that only held the avatar goes with it.
  if (images === 0) expect(a.querySelector('a')).toBeNull();
});
