/**
 * Services write Markdown and Waymark's components, nothing else: anything in an `.mdx` file that
 * would run as code (at build time or in the reader's browser), send readers elsewhere or load
 * from another website is refused by the content check, with its line, before Astro compiles it.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../src/contract/load';
import { checkMdxBody } from '../src/contract/mdx-check';
import type { Problem } from '../src/contract/problems';
import { type ContentFixture, copyDefaultContent } from './content-fixture';

/** The problems of a body that starts on line 1 of `page.mdx`, as "line: problem" for a readable diff. */
const problemsIn = (body: string): string[] =>
  checkMdxBody(body, 'page.mdx', 0).problems.map((p: Problem) => `${p.line}: ${p.field ? `${p.field} ` : ''}${p.problem}`);

/** The one problem expected on `line`, after a line of ordinary words. */
function refused(construct: string, line = 3): Problem {
  const { problems } = checkMdxBody(`Some ordinary words.\n\n${construct}\n`, 'page.mdx', 0);
  expect(problems.map((p) => `${p.line}: ${p.problem}`)).toHaveLength(1);
  const [problem] = problems;
  expect(problem!.line).toBe(line);
  expect(problem!.severity).toBe('error');
  return problem!;
}

describe('raw HTML that changes where the page goes', () => {
  it('<meta http-equiv="refresh"> is refused', () => {
    const problem = refused('<meta httpEquiv="refresh" content="0;url=https://example.com" />');
    expect(problem.problem).toBe('uses <meta>, which could send readers to another website or change how the page works');
  });

  it('<base> is refused', () => {
    expect(refused('<base href="https://example.com/" />').problem).toBe('uses <base>, which would send every link on the page to another place');
  });

  it('the elements refused before are still refused', () => {
    expect(refused('<script src="/a.js"></script>').problem).toContain('uses <script>, which can run code');
  });
});

describe('code that would run when the site is built', () => {
  it('an import is refused, and what it imports is named', () => {
    const problem = refused("import fs from 'node:fs'");
    expect(problem.problem).toBe('has an import line, which would run as code when the site is built');
    expect(problem.fix).toContain("Waymark pages take Markdown and Waymark's components only");
  });

  it('an export is refused', () => {
    expect(refused('export const title = "Hello"').problem).toBe('has an export line, which would run as code when the site is built');
  });

  it('{…} in a paragraph and on a line of its own are refused', () => {
    expect(problemsIn("Hello {fs.readFileSync('/etc/hostname','utf8')} there.\n\n{1 + 1}")).toEqual([
      "1: uses {fs.readFileSync('/etc/hostname','utf8')}, which would run as code when the site is built",
      '3: uses {1 + 1}, which would run as code when the site is built',
    ]);
    expect(refused('{props.secret}').fix).toBe(
      "Write the words as plain text; Waymark pages take Markdown and Waymark's components only. To show a curly bracket, write \\{ instead of {.",
    );
  });

  it('a {…} value or {...spread} on any element is refused', () => {
    expect(problemsIn('<Callout title={`x${1}`}>\n\nWords.\n\n</Callout>\n\n<div {...props}>x</div>\n\n<img alt={3} src="/a.png" />')).toEqual([
      '1: title of <Callout> is written with curly brackets, which would run as code when the site is built',
      '7: uses {...props} on <div>, which would run as code when the site is built',
      '9: alt of <img> is written with curly brackets, which would run as code when the site is built',
    ]);
  });

  it('an element named like code (<props.x>) is refused', () => {
    expect(refused('<props.components.X />').problem).toBe('uses <props.components.X>, which would run as code when the site is built');
  });
});

describe('code that would run in the reader’s browser', () => {
  it('set:html, set:text, is:raw and client: directives are refused', () => {
    expect(
      problemsIn('<div set:html="<b>x</b>">y</div>\n\n<p set:text="x" />\n\n<span is:raw>x</span>\n\n<Callout client:load title="a">\n\nx\n\n</Callout>'),
    ).toEqual([
      '1: uses set:html on <div>, an instruction to the code of the site that could put code into the page',
      '3: uses set:text on <p>, an instruction to the code of the site that could put code into the page',
      '5: uses is:raw on <span>, an instruction to the code of the site that could put code into the page',
      '7: uses client:load on <Callout>, an instruction to the code of the site that could put code into the page',
    ]);
  });

  it('on… attributes are refused on any element', () => {
    expect(problemsIn('<div onClick="x">y</div>\n\n<img src="/a.png" alt="" onerror="x" />\n\n<Callout onMouseOver="x" title="a">\n\nx\n\n</Callout>')).toEqual(
      [
        '1: uses onClick on <div>, which would run code when a reader uses the page',
        '3: uses onerror on <img>, which would run code when a reader uses the page',
        '5: uses onMouseOver on <Callout>, which would run code when a reader uses the page',
      ],
    );
  });

  it.each([
    ['<a href="javascript:alert(1)">a</a>', 'javascript:'],
    ['<a href="  JavaScript:alert(1)">a</a>', 'javascript:'],
    ['<a href="\u0001java\tscript:alert(1)">a</a>', 'javascript:'],
    ['<a href="&#106;avascript:alert(1)">a</a>', 'javascript:'],
    ['<a href="vbscript:msgbox(1)">a</a>', 'vbscript:'],
    ['<a href="data:text/html,<script>alert(1)</script>">a</a>', 'data:'],
    ['<img src="data:image/svg+xml,<svg/>" alt="" />', 'data:'],
    ['<form action="javascript:x"></form>', 'javascript:'],
    ['<button formAction="javascript:x">a</button>', 'javascript:'],
    ['<svg><use xlink:href="javascript:x" /></svg>', 'javascript:'],
    ['<video poster="javascript:x" />', 'javascript:'],
    ['[Press here](javascript:alert(1))', 'javascript:'],
    ['[Press here]( JAVASCRIPT:alert(1))', 'javascript:'],
    ['![A picture](data:image/png;base64,AAAA)', 'data:'],
    ['[Press here][x]\n\n[x]: vbscript:msgbox(1)', 'vbscript:'],
  ])('%s is refused as a %s address', (construct, scheme) => {
    const { problems } = checkMdxBody(`Some words.\n\n${construct}\n`, 'page.mdx', 0);
    const schemeProblems = problems.filter((p) => p.problem.includes(`a ${scheme} address`));
    expect(schemeProblems, problems.map((p) => p.problem).join('\n')).toHaveLength(1);
    expect(schemeProblems[0]!.line).toBe(construct.includes('[x]:') ? 5 : 3);
  });

  it('a javascript: address says why and what to write instead', () => {
    const problem = problemsIn('[Press here](javascript:alert(1))');
    expect(problem).toEqual(['1: links to a javascript: address, which would run code in the reader’s browser']);
    const [{ fix }] = checkMdxBody('[Press here](javascript:alert(1))', 'page.mdx', 0).problems as [Problem];
    expect(fix).toBe('Link to a page of this site (like /help/), a website (https://…), or an email or phone number (mailto: or tel:).');
  });
});

describe('pictures and sound from another website', () => {
  it('srcset with an address on another website is refused', () => {
    expect(refused('<img srcset="https://example.com/a.png 1x" alt="" />').problem).toBe(
      'loads https://example.com/a.png from another website, which would tell that website who is reading',
    );
    expect(refused('<picture><source srcSet="/a.png 1x, //example.com/b.png 2x" /><img src="/a.png" alt="" /></picture>').problem).toContain(
      'loads //example.com/b.png from another website',
    );
  });

  it('a picture whose address is written further down, on another website', () => {
    expect(problemsIn('![A lake][lake]\n\n[lake]: https://images.example.com/lake.jpg')).toEqual([
      '1: shows a picture from another website (https://images.example.com/lake.jpg), which would tell that website who is reading',
    ]);
  });

  it.each(['<audio src="https://example.com/a.mp3" />', '<track src="https://example.com/a.vtt" />', '<img src="\\\\example.com/a.png" alt="" />'])(
    '%s is refused',
    (construct) => {
      expect(refused(construct).problem).toMatch(/^loads .* from another website/);
    },
  );
});

describe('what services do write still passes', () => {
  it('Markdown links to other websites, email and phone, and Waymark components with plain text settings', () => {
    const body = [
      'Read more at [Mind](https://www.mind.org.uk/) or [the help page](/help/).',
      '',
      'Write to [us](mailto:team@example.org) or call [116 123](tel:116123).',
      '',
      '<Callout title="Remember">',
      '',
      'You can stop at any time. A curly bracket written as \\{ is just a bracket.',
      '',
      '</Callout>',
      '',
      '{/* A note for the next writer: comments are not code. */}',
      '',
      '<Reflection id="what-helps" prompt="What helps you?" hint="A few words are enough." />',
      '',
      '<img src="/media/lake.jpg" srcset="/media/lake.jpg 1x, /media/lake-2x.jpg 2x" alt="A calm lake" />',
      '',
      '<a href="https://www.samaritans.org">Samaritans</a>',
    ].join('\n');
    expect(problemsIn(body)).toEqual([]);
  });

  it('a comment next to code is still code', () => {
    expect(problemsIn('{/* a note */ process.exit(1)}')).toEqual(['1: uses {/* a note */ process.exit(1)}, which would run as code when the site is built']);
  });
});

describe('every MDX file that is built is checked', () => {
  let content: ContentFixture;
  beforeEach(() => {
    content = copyDefaultContent();
  });
  afterEach(() => content.cleanUp());

  it('the default content has no problems', () => {
    expect(checkContent(join(import.meta.dirname, '..', 'content')).problems).toEqual([]);
  });

  it('a page other than home, help, privacy and together is checked too', () => {
    // Astro's `pages` collection takes every content/pages/<language>/*.mdx, not only the four.
    content.write('pages/en/notes.mdx', '---\ntitle: "Notes"\nsummary: "Notes."\n---\n\n<base href="https://example.com/" />\n');
    expect(content.report()).toContain('content/pages/en/notes.mdx\n  ✗ line 6: uses <base>, which would send every link on the page to another place.');
  });

  it('a story is checked', () => {
    content.edit('stories/en/small-swaps.mdx', /\n---\n/, "\n---\n\nimport fs from 'node:fs'\n");
    expect(content.report()).toMatch(
      /content\/stories\/en\/small-swaps\.mdx\n {2}✗ line \d+: has an import line, which would run as code when the site is built\./,
    );
  });
});
