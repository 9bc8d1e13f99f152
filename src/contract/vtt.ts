/**
 * A small WebVTT reader: the cues of a captions file, as plain text with their times and speaker.
 * The same file is the `<track>` the player shows and the transcript rendered at build time.
 * Follows the WebVTT spec's shape: a `WEBVTT` header, blocks split by blank lines, NOTE / STYLE /
 * REGION blocks skipped, an optional cue id, a timing line, then the cue text. Voice tags
 * (`<v Rosa>`) give the speaker; every other tag is dropped; character references are decoded.
 */
import { decodeEntities } from '../integration/built-html.ts';

export interface Cue {
  /** The cue's id, when the file gives one. */
  id?: string | undefined;
  /** Start and end, in seconds. */
  start: number;
  end: number;
  /** The first voice (`<v Name>`) in the cue, if any. */
  speaker?: string | undefined;
  /** The words, without tags, lines joined by a space. */
  text: string;
}

export interface VttProblem {
  /** 1-based line in the .vtt file. */
  line: number;
  problem: string;
}

export interface ParsedVtt {
  cues: Cue[];
  problems: VttProblem[];
}

const timestamp = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;

/** Seconds from a WebVTT timestamp (`01:02.500` or `1:01:02.500`), or undefined. */
export function parseTimestamp(text: string): number | undefined {
  const match = timestamp.exec(text.trim());
  if (!match) return undefined;
  const [, hours = '0', minutes, seconds, millis] = match;
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000;
}

export function parseVtt(source: string): ParsedVtt {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const problems: VttProblem[] = [];
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    problems.push({ line: 1, problem: 'does not start with the line WEBVTT, so browsers will not show it' });
    return { cues: [], problems };
  }
  const cues: Cue[] = [];
  let i = 1;
  // The header may carry more lines until the first blank line.
  while (i < lines.length && lines[i]!.trim() !== '') i++;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '') block.push(lines[i++]!);
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(block[0]!)) continue;
    const timingIndex = block[0]!.includes('-->') ? 0 : 1;
    const timing = block[timingIndex];
    if (!timing?.includes('-->')) {
      problems.push({ line: blockStart + 1, problem: 'has a block with no timing line (like 00:01.000 --> 00:04.000)' });
      continue;
    }
    const [startText = '', rest = ''] = timing.split('-->');
    const start = parseTimestamp(startText);
    const end = parseTimestamp(rest.trim().split(/[ \t]+/)[0] ?? '');
    if (start === undefined || end === undefined || end < start) {
      problems.push({
        line: blockStart + timingIndex + 1,
        problem: `has a timing line that cannot be read: "${timing.trim()}" (write it like 00:01.000 --> 00:04.000)`,
      });
      continue;
    }
    const payload = block.slice(timingIndex + 1).join('\n');
    const speaker = /<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/.exec(payload)?.[1]?.trim();
    const text = decodeEntities(
      payload
        .replace(/<rt>[\s\S]*?<\/rt>/g, '') // ruby text is a reading aid, not words to repeat
        .replace(/<[^>]*>/g, ''),
    )
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' ');
    cues.push({ id: timingIndex === 1 ? block[0]!.trim() : undefined, start, end, speaker: speaker ? decodeEntities(speaker) : undefined, text });
  }
  return { cues, problems };
}

/** The words of a captions file, cue after cue, as one text: a sentence often runs over several cues. */
export function captionText(source: string): string {
  return parseVtt(source)
    .cues.map((cue) => cue.text)
    .filter(Boolean)
    .join(' ');
}

/** `75.5` → `1:15`: how a time is shown beside a transcript line. */
export function formatTime(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
