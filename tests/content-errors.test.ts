/**
 * Each mistake a service might make in `content/` gives a message naming the file, the line,
 * the field, what is wrong and how to fix it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../src/contract/load';
import { type ContentFixture, copyDefaultContent } from './content-fixture';

let content: ContentFixture;
beforeEach(() => {
  content = copyDefaultContent();
});
afterEach(() => content.cleanUp());

const frontmatter = (fields: string) => `---\n${fields}\n---\n\nSome words.\n`;
const goodOverview = 'title: "Test module"\nsummary: "A module for tests."\norder: 50\nminutes: 5';
const goodStep = 'title: "A step"\nsummary: "One step."\norder: 1\nminutes: 2';
/** The languages of the default content, in site.yaml's order: what a fix line lists. */
const siteLocales = Object.keys(checkContent(join(import.meta.dirname, '..', 'content')).site.locales).join(', ');

function addModule(files: Record<string, string>, locale = 'en'): void {
  mkdirSync(join(content.dir, 'modules', locale, 'test-module'), { recursive: true });
  for (const [name, fields] of Object.entries(files)) {
    content.write(`modules/${locale}/test-module/${name}`, fields === '' ? 'No frontmatter here.\n' : frontmatter(fields));
  }
}

describe('the default content', () => {
  it('has no problems', () => {
    expect(checkContent(content.dir).problems).toEqual([]);
  });
});

describe('mistakes in content/site.yaml', () => {
  it('a YAML syntax error names the line and explains the indentation', () => {
    content.edit('site.yaml', 'brandColour: "#1f5f7a"', 'brandColour: "#1f5f7a"\n  name: Oops');
    const report = content.report();
    expect(report).toMatch(/content\/site\.yaml\n {2}✗ line \d+: cannot be read: /);
    expect(report).toContain('How to fix: Check the spaces at the start of this line');
  });

  it('a logo or an icon that is not in public/ names the setting and where the file should be', () => {
    content.edit('site.yaml', /^name: .*$/m, '$&\nicon: images/icon.svg\nlogo:\n  file: images/logo.png');
    const report = content.report();
    expect(report).toMatch(/✗ line \d+: icon is "images\/icon\.svg", but there is no such file in \S*public\/\./);
    expect(report).toMatch(/✗ line \d+: logo → file is "images\/logo\.png", but there is no such file in \S*public\/\./);
    expect(report).toMatch(/How to fix: Put the picture at \S*public\/images\/icon\.svg, or correct the name/);
  });

  it('a misspelt setting suggests the right one', () => {
    content.edit('site.yaml', 'brandColour:', 'brandColor:');
    expect(content.report()).toMatch(/line \d+: brandColor is not a setting Waymark knows\.\n {4}How to fix: Did you mean `brandColour`\?/);
  });

  it('a brand colour that is not a colour shows how to write one', () => {
    content.edit('site.yaml', 'brandColour: "#1f5f7a"', 'brandColour: dark blue');
    expect(content.report()).toContain(
      'brandColour is not a hex colour.\n    How to fix: Write # and six hex digits, in quotes, like: brandColour: "#1f5f7a".',
    );
  });

  it('a brand colour too light for white text gives the contrast it has and needs', () => {
    content.edit('site.yaml', 'brandColour: "#1f5f7a"', 'brandColour: "#ffdd00"');
    expect(content.report()).toMatch(
      /brandColour is too light: white text on it has a contrast of 1\.\d:1, and it needs 4\.5:1\.\n {4}How to fix: Pick a darker colour/,
    );
  });

  it('a default language that is not among the locales lists the ones there are', () => {
    content.edit('site.yaml', 'defaultLocale: en', 'defaultLocale: fr');
    expect(content.report()).toMatch(
      /line \d+: defaultLocale is "fr", which is not one of the locales\.\n {4}How to fix: Set it to one of the languages under locales: en(, [a-z]+)*\./,
    );
  });

  it('a help contact with no phone, text or web address', () => {
    content.edit('site.yaml', / +phone: "116 123"\n +web: "https:\/\/www.samaritans.org"\n/, '');
    expect(content.report()).toMatch(
      /help → en → contacts → item 1 has no way to reach it\.\n {4}How to fix: Add at least one of phone:, text: or web: to this contact\./,
    );
  });

  it('a word to text with no number to text it to', () => {
    content.edit('site.yaml', 'phone: "116 123"', 'phone: "116 123"\n        textWord: SHOUT');
    expect(content.report()).toMatch(
      /help → en → contacts → item 1 has a textWord but no text number to send it to\.\n {4}How to fix: Add the number the word is sent to, like: text: "85258"\. Or take out textWord:\./,
    );
  });

  it('a web address that is not https', () => {
    content.edit('site.yaml', 'web: "https://988lifeline.org"', 'web: "http://988lifeline.org"');
    expect(content.report()).toMatch(
      /help → en → contacts → item 2 → web is not a web address starting with https:\/\/\.\n {4}How to fix: Write the full address, starting with https:\/\//,
    );
  });

  it('a writing direction that is not ltr or rtl', () => {
    content.edit('site.yaml', 'dir: ltr', 'dir: right-to-left');
    expect(content.report()).toMatch(
      /locales → en → dir is the text "right-to-left", which is not one of the choices\.\n {4}How to fix: Use one of: ltr, rtl\./,
    );
  });

  it('a language with no help contacts', () => {
    content.edit('site.yaml', /locales:\n/, 'locales:\n  fr:\n    label: Français\n');
    const report = content.report();
    expect(report).toContain('help has no contacts for "fr".\n    How to fix: Add a section under help: for this language');
  });

  it('a missing site name given as empty text', () => {
    content.edit('site.yaml', 'name: Waymark', 'name: ""');
    expect(content.report()).toMatch(/line \d+: name is empty\.\n {4}How to fix: Give the site a short name/);
  });
});

describe('mistakes in module frontmatter', () => {
  it('a missing title', () => {
    addModule({ 'index.mdx': goodOverview.replace('title: "Test module"\n', '') });
    expect(content.report()).toContain('content/modules/en/test-module/index.mdx\n  ✗ line 2: title is missing.\n    How to fix: Add a short title in quotes');
  });

  it('minutes written as words', () => {
    addModule({ 'index.mdx': goodOverview, 'a-step.mdx': goodStep.replace('minutes: 2', 'minutes: five') });
    expect(content.report()).toContain(
      'line 5: minutes should be a number, but it is the text "five".\n    How to fix: Write about how many minutes it takes, as a whole number without quotes, like: minutes: 5.',
    );
  });

  it('a theme that is not a CHIME theme', () => {
    addModule({ 'index.mdx': `${goodOverview}\nthemes: [hope, hopefulness]` });
    expect(content.report()).toContain(
      'themes → item 2 is the text "hopefulness", which is not one of the choices.\n    How to fix: Use one of: connectedness, hope, identity, meaning, empowerment.',
    );
  });

  it('a misspelt field', () => {
    addModule({ 'index.mdx': goodOverview.replace('summary:', 'sumary:') });
    const report = content.report();
    expect(report).toContain('sumary is not a setting Waymark knows.\n    How to fix: Did you mean `summary`?');
    expect(report).toContain('summary is missing.');
  });

  it('a file with no frontmatter', () => {
    addModule({ 'index.mdx': goodOverview, 'a-step.mdx': '' });
    expect(content.report()).toContain(
      'content/modules/en/test-module/a-step.mdx\n  ✗ line 1: has no frontmatter (the settings between two --- lines at the top).',
    );
  });

  it('a module folder with no overview', () => {
    addModule({ 'a-step.mdx': goodStep });
    expect(content.report()).toContain(
      'content/modules/en/test-module\n  ✗ has no index.mdx, the overview page of the module.\n    How to fix: Add content/modules/en/test-module/index.mdx',
    );
  });

  it('two steps with the same order', () => {
    addModule({ 'index.mdx': goodOverview, 'a-step.mdx': goodStep, 'b-step.mdx': goodStep });
    expect(content.report()).toContain(
      'order is 1, the same as a-step.mdx, so Waymark cannot tell which step comes first.\n    How to fix: Give each step in the module its own order number',
    );
  });

  it('a module in a language the site does not have', () => {
    addModule({ 'index.mdx': goodOverview }, 'fr');
    expect(content.report()).toContain(
      'content/modules/fr\n  ✗ is a folder for the language "fr", which is not one of the locales in content/site.yaml.\n    How to fix: Add fr under locales in content/site.yaml, or rename the folder to one of: ' +
        siteLocales +
        '.',
    );
  });

  it('a file name that cannot be a web address', () => {
    addModule({ 'index.mdx': goodOverview, 'My Step.mdx': goodStep });
    expect(content.report()).toContain('My Step.mdx\n  ✗ has a file name that cannot be part of a web address.');
  });
});

describe('mistakes in the site pages', () => {
  it('a missing help page', () => {
    content.remove('pages/en/help.mdx');
    expect(content.report()).toContain('content/pages/en/help.mdx\n  ✗ is missing: every language needs its own help page.');
  });
});

describe('mistakes in the words of a page (MDX)', () => {
  const withBody = (body: string) => `---\n${goodStep}\n---\n\n${body}\n`;
  const addStep = (body: string) => {
    addModule({ 'index.mdx': goodOverview });
    content.write('modules/en/test-module/a-step.mdx', withBody(body));
  };

  it('a component that is opened and never closed', () => {
    addStep('Some words.\n\n<Callout title="Remember">\n\nThis never ends.');
    expect(content.report()).toContain('a-step.mdx\n  ✗ line 10: opens <Callout> but never closes it.\n    How to fix: Add </Callout> where it should end');
  });

  it('a stray curly bracket', () => {
    addStep('Some words {like this.');
    expect(content.report()).toContain('line 8: has a { with no } after it (in MDX, curly brackets hold code).');
  });

  it('a misspelt component name', () => {
    addStep('<TryThisWek>Go for a walk.</TryThisWek>');
    expect(content.report()).toContain('line 8: uses <TryThisWek>, which is not a component Waymark has.\n    How to fix: Did you mean <TryThisWeek>?');
  });

  it('an embed from another website', () => {
    addStep('<iframe src="https://video.example.com/embed/1"></iframe>');
    expect(content.report()).toContain('line 8: uses <iframe>, which can run code or load another website inside the page.');
  });

  it('a picture from another website', () => {
    addStep('![A lake](https://images.example.com/lake.jpg)');
    expect(content.report()).toContain(
      'line 8: shows a picture from another website (https://images.example.com/lake.jpg), which would tell that website who is reading.',
    );
  });
});

describe('mistakes in tools', () => {
  const addStepWithBody = (body: string, file = 'a-step.mdx', order = 1) => {
    if (!content.exists('modules/en/test-module/index.mdx')) addModule({ 'index.mdx': goodOverview });
    content.write(`modules/en/test-module/${file}`, `---\n${goodStep.replace('order: 1', `order: ${order}`)}\n---\n\n${body}\n`);
  };

  it('a tool with no id', () => {
    addStepWithBody('<Reflection prompt="What helps?" />');
    expect(content.report()).toContain(
      'line 8: <Reflection> has no id, so what people write in it could not be saved.\n    How to fix: Add id="…" with a short name no other tool uses',
    );
  });

  it('two tools with the same id name both files', () => {
    addStepWithBody('<Reflection id="what-helps" prompt="What helps?" />');
    addStepWithBody('Words first.\n\n<Reflection id="what-helps" prompt="What else helps?" />', 'b-step.mdx', 2);
    expect(content.report()).toContain(
      'content/modules/en/test-module/b-step.mdx\n  ✗ line 10: id "what-helps" is also used by a tool in content/modules/en/test-module/a-step.mdx (line 8), so their answers would be saved into each other.',
    );
  });

  it('an id already used in the default content', () => {
    addStepWithBody('<Reflection id="small-thing-that-helped" prompt="Again?" />');
    expect(content.report()).toMatch(
      /id "small-thing-that-helped" is also used by a tool in content\/modules\/en\/hope-and-recovery\/small-signs-of-hope\.mdx/,
    );
  });

  it('a checklist with nothing to tick', () => {
    addStepWithBody('<Checklist id="ticks" prompt="Which apply?" />');
    expect(content.report()).toContain('line 8: <Checklist> has no items to tick.\n    How to fix: Put a Markdown list inside it');
  });

  it('a plan list for a part of the plan that does not exist', () => {
    addStepWithBody('<PlanList id="my-list" section="hobbies" prompt="What do you enjoy?" />');
    expect(content.report()).toContain(
      'section is "hobbies", which is not a part of the plan.\n    How to fix: Use one of: section="warning-signs", section="what-helps", section="people", section="keep-doing".',
    );
  });

  it('a misspelt attribute', () => {
    addStepWithBody('<Reflection id="ok-id" promt="What helps?" />');
    const report = content.report();
    expect(report).toContain('promt is not something <Reflection> understands.\n    How to fix: Did you mean prompt?');
    expect(report).toContain('prompt of <Reflection> is missing.');
  });

  it('a check-in scale that does not exist', () => {
    addStepWithBody('<CheckIn id="feel" scale="1-5">\n- How are you?\n</CheckIn>');
    expect(content.report()).toContain('scale is "1-5", which is not one of the choices.\n    How to fix: Use scale="words"');
  });

  it('a tool in a site page rather than a module', () => {
    content.edit('pages/en/privacy.mdx', 'Waymark is made so that', '<Reflection id="privacy-thoughts" prompt="Thoughts?" />\n\nWaymark is made so that');
    expect(content.report()).toContain('has a <Reflection>, but tools belong in module pages.');
  });
});

describe('one mistake in site.yaml', () => {
  it('is reported once, not again for every language folder', () => {
    content.edit('site.yaml', 'name: Waymark', 'name: [Waymark');
    const report = content.report();
    expect(report).toContain('content/site.yaml');
    expect(report).not.toContain('is a folder for the language');
  });
});
