/** The WebVTT reader behind captions and transcripts, on a file with the awkward parts of the format. */
import { expect, it } from 'vitest';
import { formatTime, parseTimestamp, parseVtt } from '../src/contract/vtt';

const tricky = [
  '\uFEFFWEBVTT - a story, with a header text',
  'Kind: captions',
  '',
  'NOTE',
  'This is a comment, over',
  'two lines. 00:00.000 --> 00:01.000 is not a cue here.',
  '',
  'STYLE',
  '::cue { color: yellow }',
  '',
  'intro',
  '00:00.500 --> 00:03.000 align:start line:0',
  'This is a computer voice &amp; a <i>demonstration</i>.',
  '',
  'NOTE one line',
  '',
  '00:03.250 --> 00:07.000',
  '<v.loud Rosa>After my stay in hospital,',
  'I didn&#39;t go for a whole summer.</v>',
  '',
  'third cue',
  '01:00:07.000 --> 01:00:09.500',
  '<v Dev>Fish &lt;&amp;&gt; chips&#x21;</v> <c.quiet>said</c> <00:00:08.000>nobody &nbsp;&rlm;',
  '',
  '00:10.000 --> 00:12.000',
  '<ruby>漢<rt>kan</rt></ruby> &unknown; <b>bold</b> <u>under</u>',
].join('\r\n');

it('reads cues with ids, settings, voices, entities and several lines, and skips NOTE and STYLE', () => {
  const { cues, problems } = parseVtt(tricky);
  expect(problems).toEqual([]);
  expect(cues).toEqual([
    { id: 'intro', start: 0.5, end: 3, speaker: undefined, text: 'This is a computer voice & a demonstration.' },
    { id: undefined, start: 3.25, end: 7, speaker: 'Rosa', text: "After my stay in hospital, I didn't go for a whole summer." },
    { id: 'third cue', start: 3607, end: 3609.5, speaker: 'Dev', text: 'Fish <&> chips! said nobody \u00a0\u200f' },
    { id: undefined, start: 10, end: 12, speaker: undefined, text: '漢 &unknown; bold under' },
  ]);
});

it('renders text as text: a cue that looks like HTML stays words, never markup', () => {
  const { cues } = parseVtt('WEBVTT\n\n00:00.000 --> 00:01.000\n&lt;script&gt;alert(1)&lt;/script&gt;\n');
  expect(cues[0]!.text).toBe('<script>alert(1)</script>'); // Astro escapes it when it renders
});

it('reports a file that is not WebVTT, and timing lines it cannot read, with their lines', () => {
  expect(parseVtt('1\n00:00:01,000 --> 00:00:02,000\nAn .srt file\n').problems).toEqual([
    { line: 1, problem: 'does not start with the line WEBVTT, so browsers will not show it' },
  ]);
  const { cues, problems } = parseVtt('WEBVTT\n\nid\n00:01,000 --> 00:02.000\nComma\n\nJust words\n');
  expect(cues).toEqual([]);
  expect(problems).toEqual([
    { line: 4, problem: 'has a timing line that cannot be read: "00:01,000 --> 00:02.000" (write it like 00:01.000 --> 00:04.000)' },
    { line: 7, problem: 'has a block with no timing line (like 00:01.000 --> 00:04.000)' },
  ]);
});

it('reads and shows times', () => {
  expect(parseTimestamp('00:01.500')).toBe(1.5);
  expect(parseTimestamp('2:00:00.000')).toBe(7200);
  expect(parseTimestamp('00:61.000')).toBeUndefined();
  expect(formatTime(75.9)).toBe('1:15');
  expect(formatTime(3725)).toBe('1:02:05');
});

it("the default stories' captions read cleanly", async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const files = readdirSync('public/media/stories').filter((f) => f.endsWith('.vtt'));
  expect(files.length).toBeGreaterThanOrEqual(2);
  for (const file of files) {
    const { cues, problems } = parseVtt(readFileSync(`public/media/stories/${file}`, 'utf8'));
    expect(problems).toEqual([]);
    expect(cues.length).toBeGreaterThan(3);
    expect(cues[0]!.text).toMatch(/computer voice/);
  }
});
