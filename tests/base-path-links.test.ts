/** Links written from the site's root in content work under a sub-path too. */
import { describe, expect, it } from 'vitest';
import { linksUnderBase, withBasePath } from '../src/integration/base-path-links';

describe('the base path on links written in content', () => {
  it('is added to the site’s own addresses, once, and never to other sites', () => {
    expect(withBasePath('/help/', '/waymark/')).toBe('/waymark/help/');
    expect(withBasePath('/waymark/help/', '/waymark/')).toBe('/waymark/help/');
    expect(withBasePath('/help/', '/')).toBe('/help/');
    expect(withBasePath('//example.org/x', '/waymark/')).toBe('//example.org/x');
    expect(withBasePath('https://example.org/', '/waymark/')).toBe('https://example.org/');
    expect(withBasePath('#part', '/waymark/')).toBe('#part');
  });

  it('reaches links, pictures and posters in a built page, and nothing else', () => {
    const page =
      '<a href="/help/">Help</a> <img src="/media/map.png" alt="Map"> <video poster="/waymark/p.jpg"></video> <p>/help/</p> <a href="https://example.org/">x</a>';
    expect(linksUnderBase(page, '/waymark/')).toBe(
      '<a href="/waymark/help/">Help</a> <img src="/waymark/media/map.png" alt="Map"> <video poster="/waymark/p.jpg"></video> <p>/help/</p> <a href="https://example.org/">x</a>',
    );
  });
});
