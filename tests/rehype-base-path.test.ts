/** Links written from the site's root work under a sub-path too. */
import { describe, expect, it } from 'vitest';
import { rehypeBasePath, withBasePath } from '../src/mdx/rehype-base-path';

describe('the base path on links written in content', () => {
  it('is added to the site’s own addresses, once, and never to other sites', () => {
    expect(withBasePath('/help/', '/waymark/')).toBe('/waymark/help/');
    expect(withBasePath('/waymark/help/', '/waymark/')).toBe('/waymark/help/');
    expect(withBasePath('/help/', '/')).toBe('/help/');
    expect(withBasePath('//example.org/x', '/waymark/')).toBe('//example.org/x');
    expect(withBasePath('https://example.org/', '/waymark/')).toBe('https://example.org/');
    expect(withBasePath('#part', '/waymark/')).toBe('#part');
    expect(withBasePath('../other/', '/waymark/')).toBe('../other/');
  });

  it('reaches Markdown links and pictures, and tags written in MDX', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', properties: { href: '/help/' }, children: [{ type: 'element', properties: { src: '/media/map.png' } }] },
        { type: 'mdxJsxFlowElement', attributes: [{ type: 'mdxJsxAttribute', name: 'href', value: '/privacy/' }, { type: 'mdxJsxAttribute', name: 'id', value: '/not-a-link' }] },
      ],
    };
    rehypeBasePath('/waymark/')()(tree);
    expect(tree.children[0]!.properties!.href).toBe('/waymark/help/');
    expect(tree.children[0]!.children![0]!.properties!.src).toBe('/waymark/media/map.png');
    expect(tree.children[1]!.attributes![0]!.value).toBe('/waymark/privacy/');
    expect(tree.children[1]!.attributes![1]!.value).toBe('/not-a-link');
  });
});
