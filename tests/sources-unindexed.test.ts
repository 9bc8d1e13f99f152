/** A page's sources are kept out of the search index, and nothing else is. */
import { describe, expect, it } from 'vitest';
import { sourcesUnindexed } from '../src/integration/sources-unindexed';

describe('sources left out of search', () => {
  it('marks the sources heading and what follows it, up to the end of its container', () => {
    const page =
      '<article data-pagefind-body><h2 id="a">Sleep</h2><p>Our words.</p><h2 id="sources">Sources</h2><p>From:</p><ul><li><a href="https://x.org/">A title</a> 4(10)</li></ul></article><nav><a href="/">Next</a></nav>';
    expect(sourcesUnindexed(page)).toBe(
      '<article data-pagefind-body><h2 id="a">Sleep</h2><p>Our words.</p><h2 data-pagefind-ignore id="sources">Sources</h2><p data-pagefind-ignore>From:</p><ul data-pagefind-ignore><li><a href="https://x.org/">A title</a> 4(10)</li></ul></article><nav><a href="/">Next</a></nav>',
    );
  });

  it('stops at the next heading of its level, in any of the engine’s languages, and leaves other pages alone', () => {
    const page = '<main><h2>Fuentes</h2><p>Ref<br>one</p><img src="a.png" alt=""><h2>Después</h2><p>Ours</p></main>';
    expect(sourcesUnindexed(page)).toBe(
      '<main><h2 data-pagefind-ignore>Fuentes</h2><p data-pagefind-ignore>Ref<br>one</p><img data-pagefind-ignore src="a.png" alt=""><h2>Después</h2><p>Ours</p></main>',
    );
    expect(sourcesUnindexed('<h2>المصادر</h2><p>x</p>')).toBe('<h2 data-pagefind-ignore>المصادر</h2><p data-pagefind-ignore>x</p>');
    const none = '<h2>Where help comes from</h2><p>Sources of support</p>';
    expect(sourcesUnindexed(none)).toBe(none);
  });
});
