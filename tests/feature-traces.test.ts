/**
 * Traces of a switched-off feature (src/audits/feature-traces.ts): a page that still talks about a
 * QR code, reminders, check-ins, Together mode or Listen while the feature is off in site.yaml is a
 * warning in `npm run check`, with its file, line and fix. The words come from each language's
 * strings (`featureTerms.<feature>`); text inside <IfFeature> is not a trace.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { featureTraces, firstTrace, mdxText, termsPattern } from '../src/audits/feature-traces';
import { featureNames } from '../src/contract/features';
import { checkContent } from '../src/contract/load';
import { type ContentFixture, copiesRemovedAfterEachTest } from './content-fixture';

const content = copiesRemovedAfterEachTest();

/** Switches features off in a copy of the default site.yaml. */
function switchOff(fixture: ContentFixture, ...features: string[]) {
  fixture.edit('site.yaml', /$/, `\nfeatures:\n${features.map((feature) => `  ${feature}: false`).join('\n')}\n`);
}

function traces(fixture: ContentFixture) {
  const root = fixture.dir.replace(/\/content$/, '');
  const report = checkContent(fixture.dir, root);
  return featureTraces({ contentDir: fixture.dir, site: report.site, shown: (file) => file.slice(root.length + 1) });
}

describe('the words that name a feature', () => {
  it('match as whole words in any case, in any script, not inside other words', () => {
    const qr = termsPattern(['QR code', 'QR'])!;
    expect(qr.exec('Scan the qr Code now')?.[0]).toBe('qr Code');
    expect(qr.test('a QR.')).toBe(true);
    expect(qr.test('set qrTransfer to false')).toBe(false);
    expect(qr.test('SQRT')).toBe(false);
    expect(termsPattern(['código QR'])!.test('un Código QR para tu teléfono')).toBe(true);
    expect(termsPattern(['check-in'])!.test('the check-ins above')).toBe(false);
    expect(termsPattern(['قصة'])!.test('هذه القصة')).toBe(false);
    expect(termsPattern(['قصة'])!.test('هذه قصة قصيرة')).toBe(true);
  });

  it('are not looked for in code, addresses or <IfFeature> of that feature, and keep their line', () => {
    const page = [
      '---',
      'title: "Getting there"',
      '---',
      '',
      'See `QR` and https://example.org/qr and [a link](https://example.org/QR-code).',
      '',
      '<IfFeature name="qrTransfer">Scan the QR code.</IfFeature>',
      '',
      '```',
      'QR',
      '```',
      '',
      'Or use a QR code.',
    ].join('\n');
    const pattern = termsPattern(['QR code', 'QR'])!;
    expect(firstTrace(mdxText(page).pieces, 'qrTransfer', pattern)).toEqual({ term: 'QR code', line: 13 });
    expect(firstTrace(mdxText(page).pieces, 'reminders', pattern)).toEqual({ term: 'QR code', line: 7 });
  });
});

describe('npm run check with a feature switched off', () => {
  // Not stories: the default modules are built around them (a step is "A story from Jo"), so a
  // site without stories rewrites those pages, and the check lists each one for it.
  it('the default content leaves no trace of any other feature switched off', () => {
    const fixture = content();
    switchOff(fixture, ...featureNames.filter((feature) => feature !== 'stories'));
    expect(traces(fixture).map((p) => `${p.file}:${p.line} ${p.problem}`)).toEqual([]);
  });

  it('warns about a step, a page and a string that still name it, with the line and the fix', async () => {
    const fixture = content();
    switchOff(fixture, 'qrTransfer', 'reminders', 'listen');
    const step = 'modules/en/hope-and-recovery/small-signs-of-hope.mdx';
    fixture.edit(step, /$/, '\nAt the end, scan the QR code with your phone.\n');
    fixture.edit('pages/es/home.mdx', /$/, '\nUsa el botón Escuchar para oír la página.\n');
    fixture.write('i18n/en.yaml', 'featureTerms.reminders: ["nudge"]\nhelp.mineEmpty: Write what helps. We can send you a nudge.\n');
    // The sentence added last is on the file's last line but one (the file ends with a new line).
    const lines = (file: string) => readFileSync(`${fixture.dir}/${file}`, 'utf8').split('\n').length - 1;
    const run = await checkCommand(fixture);
    expect(run.status).toBe(0);
    expect(run.output).toContain(
      `content/${step}\n  ! line ${lines(step)}: qrTransfer is off in site.yaml, but this page talks about "QR code".\n` +
        '    How to fix: Remove or reword the sentence, or switch qrTransfer on.',
    );
    expect(run.output).toContain(
      `content/pages/es/home.mdx\n  ! line ${lines('pages/es/home.mdx')}: listen is off in site.yaml, but this page talks about "botón Escuchar".`,
    );
    expect(run.output).toContain('content/i18n/en.yaml\n  ! line 2: reminders is off in site.yaml, but this text talks about "nudge".');
    expect(run.output).not.toContain('together.mdx');
  });

  it('a misspelt <IfFeature name> is an error with the name meant', () => {
    const fixture = content();
    fixture.edit('pages/en/together.mdx', 'name="qrTransfer"', 'name="qrTrasfer"');
    const [problem] = traces(fixture);
    expect(problem).toMatchObject({ file: 'content/pages/en/together.mdx', line: 46, severity: 'error' });
    expect(problem!.fix).toContain('Did you mean qrTransfer?');
  });
});

/** The real command, as a person runs it (--no-build: the audit needs no build). */
function checkCommand(fixture: ContentFixture): Promise<{ status: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['cli/check.ts', '--no-build'], { env: { ...process.env, WAYMARK_CONTENT: fixture.dir } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    child.on('error', fail);
    child.on('close', (status) => done({ status, output: stripVTControlCharacters(output) }));
  });
}
