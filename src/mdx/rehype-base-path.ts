/**
 * Writers link to the site's own pages from its root: `[Get help now](/help/)`, `![A map](/media/map.png)`.
 * This adds the base path the site is built for (`/waymark/` on GitHub Pages, say), so the same
 * content works at a domain's root and under a sub-path. Addresses already under the base, and
 * addresses of other sites (`//…`, `https://…`), are left as they are.
 */
interface Node {
  type: string;
  properties?: Record<string, unknown>;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
}

const linkAttributes = new Set(['href', 'src', 'poster']);

export function withBasePath(address: string, base: string): string {
  if (!address.startsWith('/') || address.startsWith('//') || base === '/' || address.startsWith(base)) return address;
  return `${base.replace(/\/$/, '')}${address}`;
}

/** The rehype plugin, for Markdown and MDX (`markdown.rehypePlugins` in astro.config.mjs). */
export function rehypeBasePath(base: string) {
  const visit = (node: Node): void => {
    // Markdown links and pictures, and HTML written in a page.
    for (const name of linkAttributes) {
      const value = node.properties?.[name];
      if (typeof value === 'string') node.properties![name] = withBasePath(value, base);
    }
    // Tags written in MDX (`<a href="/help/">`).
    for (const attribute of node.attributes ?? []) {
      if (attribute.type === 'mdxJsxAttribute' && linkAttributes.has(attribute.name ?? '') && typeof attribute.value === 'string') {
        attribute.value = withBasePath(attribute.value, base);
      }
    }
    node.children?.forEach(visit);
  };
  return () => (tree: Node) => visit(tree);
}
