/**
 * Broken links as problems a writer can fix: each against the content file and line it is written
 * on where it can be found there (`pageSource`, `lineOfLink`), otherwise against the page. The build
 * (`integration/strict.ts`) and `npm run check` report them in the same words.
 */
import { closest } from '../contract/explain.ts';
import type { Problem } from '../contract/problems.ts';
import { type BrokenLink, lineOfLink, pageSource, type SiteShape } from './links.ts';

/**
 * Each broken link, against the content file it is written in (with its line) where it can be
 * found there; otherwise against the page, once for a link that is broken on many pages.
 */
export function linkProblems(broken: readonly BrokenLink[], pages: readonly string[], site: SiteShape, shown: (f: string) => string): Problem[] {
  const problems: Problem[] = [];
  const elsewhere = new Map<string, BrokenLink[]>();
  for (const link of broken) {
    const source = pageSource(link.page, site);
    const line = source ? lineOfLink(source, link.url, site.base) : undefined;
    if (source && line) {
      problems.push({ file: shown(source), line, ...describeLink(link, pages, site.base, true), severity: 'error' });
    } else {
      const key = `${link.reason} ${link.attribute} ${link.url}`;
      elsewhere.set(key, [...(elsewhere.get(key) ?? []), link]);
    }
  }
  for (const group of elsewhere.values()) {
    const first = group[0]!;
    const source = pageSource(first.page, site);
    if (source && group.length === 1) {
      // On a content page, but not written as such: made from it, by a component like <Story>.
      problems.push({ file: shown(source), ...describeLink(first, pages, site.base, false), severity: 'error' });
      continue;
    }
    const { problem } = describeLink(first, pages, site.base, true);
    const some = group.slice(0, 3).map((link) => link.page);
    problems.push({
      file: group.length === 1 ? `the page ${first.page}` : 'pages Waymark makes',
      problem: group.length === 1 ? problem : `${problem}, on ${group.length} pages (${some.join(', ')}${group.length > 3 ? '…' : ''})`,
      fix: `This link is not written in ${shown(site.contentDir)}/: it comes from Waymark's own pages. Please report it, with this message, to whoever looks after your site's code.`,
      severity: 'error',
    });
  }
  return problems;
}

/** `pageKnown`: the report already names the page (or the line), so the problem need not. */
function describeLink(link: BrokenLink, pages: readonly string[], base: string, pageKnown: boolean): Pick<Problem, 'problem' | 'fix'> {
  const onPage = pageKnown ? '' : ` (on the page ${link.page})`;
  if (link.reason === 'outside-base') {
    return {
      problem: `links to ${link.url}, which is outside ${base}, the address the site is built to live at${onPage}`,
      fix: `Write the address from the site's root, like /${link.url.replace(/^\/+/, '')}: Waymark adds ${base} itself.`,
    };
  }
  if (link.reason === 'no-anchor') {
    const fragment = decodeURIComponent(link.url.replace(/^[^#]*#/, ''));
    const headings = link.headings ?? [];
    const guess = closest(fragment, headings);
    const where = link.target === link.page ? 'this page' : `the page ${link.target}`;
    return {
      problem: `links to ${link.url}, but ${where} has no heading or part called #${fragment}${onPage}`,
      fix:
        (guess ? `Did you mean #${guess}? ` : '') +
        (headings.length ? `The headings there are: ${headings.map((h) => `#${h}`).join(', ')}. ` : 'That page has no headings to link to. ') +
        'A heading\'s link is its words in small letters with dashes: "## When hope feels far away" is #when-hope-feels-far-away.',
    };
  }
  if (link.attribute === 'href') {
    const guess = similarPage(new URL(link.url, `https://waymark.invalid${link.page}`).pathname, pages);
    return {
      problem: `links to ${link.url}, but the site has no page or file at that address${onPage}`,
      fix: `${guess ? `Did you mean ${guess}? ` : ''}Check the spelling: page addresses end with a /, like /modules/getting-started/. Or remove the link.`,
    };
  }
  return {
    problem: `loads ${link.url}, but there is no such file in the built site${onPage}`,
    fix: 'Put the file in public/ and write its address from there, starting with /, like /media/lake.jpg.',
  };
}

/** A page next to `path` with a similar name (`/modules/x/reachng-out/` → `/modules/x/reaching-out/`). */
function similarPage(path: string, pages: readonly string[]): string | undefined {
  const parent = path.replace(/[^/]+\/?$/, '');
  const name = path.slice(parent.length).replace(/\/$/, '');
  const siblings = pages.filter((page) => page.startsWith(parent) && /^[^/]+\/$/.test(page.slice(parent.length)));
  const guess = closest(
    name,
    siblings.map((page) => page.slice(parent.length, -1)),
  );
  return guess === undefined ? undefined : `${parent}${guess}/`;
}
