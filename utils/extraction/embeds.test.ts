import { describe, expect, it } from 'vitest';
import { PROSE, extract, fragment, page, proseHtml } from '../../tests/support/test-pages';

function articleWith(markup: string): DocumentFragment {
  const html = page({ article: `${proseHtml(2)}${markup}<p>${PROSE[2]}</p><p>${PROSE[3]}</p>` });
  return fragment(extract(html)!.html);
}

const links = (doc: DocumentFragment) =>
  [...doc.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent }));

describe('embeds', () => {
  it('turns a YouTube player into a link to the video page', () => {
    const doc = articleWith(
      '<div class="video"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42" title="Keepers remember the 1962 storm" allowfullscreen></iframe></div>',
    );
    expect(doc.querySelector('iframe')).toBeNull();
    expect(links(doc)).toEqual([
      {
        href: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
        text: 'YouTube video: Keepers remember the 1962 storm',
      },
    ]);
  });

  it('links a Vimeo player, lazily loaded, to its page', () => {
    const doc = articleWith(
      '<p><iframe data-src="https://player.vimeo.com/video/76979871" src="about:blank"></iframe></p>',
    );
    expect(links(doc)).toEqual([{ href: 'https://vimeo.com/76979871', text: 'Vimeo video' }]);
  });

  it('links a GitHub gist that is only a <script>', () => {
    const doc = articleWith(
      '<div class="gist-wrap"><script src="https://gist.github.com/keeper/0a1b2c3d.js"></script></div>',
    );
    expect(links(doc)).toEqual([{ href: 'https://gist.github.com/keeper/0a1b2c3d', text: 'GitHub gist' }]);
  });

  it('keeps an embedded tweet as a quote with its text and link, without the widget script', () => {
    const doc =
      articleWith(`<blockquote class="twitter-tweet"><p lang="en">The light is still turning tonight, 37 years after the last keeper left.</p>
      &mdash; Coastal Notes (@coastalnotes) <a href="https://twitter.com/coastalnotes/status/1196501054197649413">November 18, 2019</a></blockquote>
      <script async src="https://platform.twitter.com/widgets.js"></script>`);
    const quote = doc.querySelector('blockquote')!;
    expect(quote.textContent).toContain('The light is still turning tonight');
    expect(quote.querySelector('a')!.getAttribute('href')).toBe(
      'https://twitter.com/coastalnotes/status/1196501054197649413',
    );
    expect(doc.querySelector('script')).toBeNull();
  });

  it('links a Facebook post rendered by their SDK', () => {
    const doc = articleWith(
      '<div id="fb-root"></div><script async src="https://connect.facebook.net/en_US/sdk.js"></script><div class="fb-post" data-href="https://www.facebook.com/coastalnotes/posts/1001" data-width="500"></div>',
    );
    expect(links(doc)).toEqual([{ href: 'https://www.facebook.com/coastalnotes/posts/1001', text: 'Facebook post' }]);
  });

  it('drops frames from unknown hosts (ads, trackers) entirely', () => {
    const doc = articleWith(
      '<div><iframe src="https://ads.example.net/slot?id=7" width="300" height="250"></iframe></div>',
    );
    expect(doc.querySelector('iframe')).toBeNull();
    expect(links(doc)).toEqual([]);
  });
  it('links a player whose lazy loader keeps the address in another data attribute', () => {
    const doc = articleWith(
      '<div class="embed"><iframe data-original="https://www.youtube.com/embed/CaRmntSvTH0" class="lazyload" allowfullscreen></iframe></div>',
    );
    expect(links(doc)).toEqual([{ href: 'https://www.youtube.com/watch?v=CaRmntSvTH0', text: 'YouTube video' }]);
  });

  it('links a YouTube playlist player to the playlist', () => {
    const doc = articleWith(
      '<p><iframe title="Keepers channel" src="https://www.youtube.com/embed/videoseries?list=PL_BLT-XbKL5GH"></iframe></p>',
    );
    expect(links(doc)).toEqual([
      { href: 'https://www.youtube.com/playlist?list=PL_BLT-XbKL5GH', text: 'YouTube video: Keepers channel' },
    ]);
  });

  it('keeps a video whose box has a "social media" class', () => {
    const doc = articleWith(
      '<div class="article-text social-media-container"><div class="videoWrapper"><iframe src="https://www.youtube-nocookie.com/embed/r0QZ-ttBXMo " allowfullscreen></iframe></div></div>',
    );
    expect(links(doc)).toEqual([{ href: 'https://www.youtube.com/watch?v=r0QZ-ttBXMo', text: 'YouTube video' }]);
  });

  it('drops Facebook like buttons, which are not posts', () => {
    const doc = articleWith(
      '<p><iframe src="https://www.facebook.com/plugins/like.php?href=https%3A%2F%2Fexample.com%2Fblog%2F&amp;layout=button_count"></iframe></p>',
    );
    expect(links(doc)).toEqual([]);
  });

  it('links a facade player (<lite-youtube>) with its label', () => {
    const doc = articleWith(
      '<lite-youtube videoid="ogfYd705cRs" playlabel="Play: The keepers’ last night"></lite-youtube><p>The video is above.</p>',
    );
    expect(links(doc)).toEqual([
      { href: 'https://www.youtube.com/watch?v=ogfYd705cRs', text: 'YouTube video: The keepers’ last night' },
    ]);
  });
});
