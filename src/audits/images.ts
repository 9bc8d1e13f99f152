/**
 * Checks the pictures and media written into `.mdx` bodies (`![…](…)`, `<img>`, `<video>`…) for
 * `npm run check`: each picture says what it shows (alt text, for people who cannot see it), and
 * every file a page shows is there. Stories' own media, captions and posters are checked with their
 * frontmatter (`story-check.ts`); pictures from other websites, by `mdx-check.ts`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mdxToMdast } from 'satteri';
import type { MdastNode } from '../contract/mdx-check.ts';
import type { Problem } from '../contract/problems.ts';
import { filesIn } from '../integration/built-files.ts';

export interface ImageCheckOptions {
  contentDir: string;
  /** Where addresses starting with `/` point: the site's `public/` folder. */
  publicDir: string;
  shown: (file: string) => string;
}

/** Addresses that are not files of this site (other websites are reported by `mdx-check.ts`). */
const notAFile = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

export function checkImages({ contentDir, publicDir, shown }: ImageCheckOptions): Problem[] {
  const problems: Problem[] = [];
  for (const area of ['modules', 'pages', 'stories']) {
    for (const file of filesIn(join(contentDir, area), ['.mdx'])) {
      problems.push(...checkFile(file, publicDir, shown(file)));
    }
  }
  return problems;
}

function checkFile(file: string, publicDir: string, shownFile: string): Problem[] {
  const text = readFileSync(file, 'utf8');
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(text)?.[0] ?? '';
  const lineOffset = frontmatter.split('\n').length - 1;
  let tree: MdastNode;
  try {
    tree = mdxToMdast(text.slice(frontmatter.length)) as MdastNode;
  } catch {
    return []; // `mdx-check.ts` reports a page that cannot be read
  }
  const problems: Problem[] = [];
  const definitions = new Map<string, string>();
  const images: Array<{ node: MdastNode; alt: string | null | undefined; markdown: boolean }> = [];
  const media: Array<{ node: MdastNode; url: string; attribute: string }> = [];
  const visit = (node: MdastNode) => {
    if (node.type === 'definition' && node.identifier && node.url) definitions.set(node.identifier, node.url);
    if (node.type === 'image' || node.type === 'imageReference') images.push({ node, alt: node.alt, markdown: true });
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[a-z]/.test(node.name)) {
      const attribute = (name: string) => node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
      for (const name of ['src', 'poster']) {
        const value = attribute(name)?.value;
        if (typeof value === 'string') media.push({ node, url: value, attribute: name });
      }
      if (node.name === 'img') {
        const alt = attribute('alt');
        // alt={…} is worked out when the page is built: nothing to check here.
        if (!alt || typeof alt.value === 'string' || alt.value === null || alt.value === undefined) {
          images.push({ node, alt: alt ? ((alt.value as string | null | undefined) ?? '') : undefined, markdown: false });
        }
      }
    }
    node.children?.forEach(visit);
  };
  visit(tree);

  const at = (node: MdastNode) => (node.position ? node.position.start.line + lineOffset : undefined);
  for (const { node, alt, markdown } of images) {
    const url = node.url ?? (node.identifier ? definitions.get(node.identifier) : undefined) ?? '';
    if (markdown && url) media.push({ node, url, attribute: 'src' });
    if (markdown && !alt?.trim()) {
      problems.push({
        file: shownFile,
        line: at(node),
        problem: `shows a picture${url ? ` (${url})` : ''} with no words saying what it shows (alt text), so people who cannot see it miss it`,
        fix: `Write what the picture shows between the square brackets, like: ![A calm lake at sunrise](${url || '/media/lake.jpg'}).`,
        severity: 'error',
      });
    } else if (!markdown && alt === undefined) {
      problems.push({
        file: shownFile,
        line: at(node),
        problem: 'has an <img> with no alt text (words saying what the picture shows), so people who cannot see it miss it',
        fix: 'Add alt="…" saying what it shows, like <img src="/media/lake.jpg" alt="A calm lake at sunrise" />. For a picture that is only decoration, write alt="" on purpose.',
        severity: 'error',
      });
    } else if (!markdown && !alt?.trim()) {
      problems.push({
        file: shownFile,
        line: at(node),
        problem: 'has an <img> with empty alt text (alt=""), so screen readers skip it as decoration',
        fix: 'If the picture shows something people need, say what in alt="…". If it is only decoration, you can leave it.',
        severity: 'warning',
      });
    }
  }
  for (const { node, url, attribute } of media) {
    if (!url.trim() || notAFile.test(url.trim())) continue;
    const missing = missingFile(url.trim(), file, publicDir);
    if (!missing) continue;
    problems.push({
      file: shownFile,
      line: at(node),
      problem: `${attribute === 'poster' ? 'shows a poster picture' : node.type.startsWith('image') || node.name === 'img' ? 'shows a picture' : 'plays a file'}, ${url}, but there is no such file ${missing.where}`,
      fix: missing.inPublic
        ? `Start the address with /, like /${url.replace(/^\.?\//, '')}: files in public/ are found from the top of the site.`
        : url.startsWith('/')
          ? `Put the file at public${url.replace(/[?#].*$/, '')}, or correct the address (check the spelling and the ending: .jpg, .png…).`
          : 'Put the file in public/media/ and write its address from there, starting with /, like /media/lake.jpg.',
      severity: 'error',
    });
  }
  return problems;
}

/** Where a file is looked for, if it is not there: `/x` in public/, anything else next to the page. */
function missingFile(url: string, mdxFile: string, publicDir: string): { where: string; inPublic: boolean } | undefined {
  const path = decode(url.replace(/[?#].*$/, ''));
  if (path.startsWith('/')) return isFile(join(publicDir, path)) ? undefined : { where: 'in public/', inPublic: false };
  if (isFile(join(dirname(mdxFile), path))) return undefined;
  return { where: 'next to this page', inPublic: isFile(join(publicDir, path)) };
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function decode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
