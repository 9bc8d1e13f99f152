/**
 * Each mistake a service might make in a story gives the file, the line, the field, what is wrong
 * and how to fix it; a large recording gives a warning and the build goes on.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../src/contract/load';
import { hasErrors } from '../src/contract/problems';
import { largeMediaBytes } from '../src/contract/story-check';
import { type ContentFixture, copyDefaultContent } from './content-fixture';

let content: ContentFixture;
beforeEach(() => {
  content = copyDefaultContent();
});
afterEach(() => content.cleanUp());

const video = 'stories/en/going-back-to-the-allotment.mdx';
const audio = 'stories/en/the-first-visit.mdx';
const publicFile = (file: string) => join(content.dir, '..', 'public', file);

describe('the default stories', () => {
  it('have no problems', () => {
    expect(checkContent(content.dir).problems).toEqual([]);
  });
});

describe('mistakes in a story', () => {
  it('a video story without captions', () => {
    content.edit(video, /captions: .*\n/, '');
    expect(content.report()).toContain(
      'content/stories/en/going-back-to-the-allotment.mdx\n  ✗ line 2: captions is missing: a video story needs captions, so people who cannot hear it can follow it.\n' +
        '    How to fix: Put a WebVTT captions file in public/media/stories/ and add a line like: captions: media/stories/rosa.vtt.',
    );
  });

  it('an audio story without a recording', () => {
    content.edit(audio, /media: .*\n/, '');
    expect(content.report()).toContain(
      'line 2: media is missing: an audio story needs its recording.\n    How to fix: Add a line like: media: media/stories/rosa.mp4',
    );
  });

  it('a media file that is not in public/', () => {
    content.remove('../public/media/stories/going-back-to-the-allotment.mp4');
    expect(content.report()).toContain(
      '  ✗ line 6: media is "media/stories/going-back-to-the-allotment.mp4", but there is no such file in public/.\n' +
        '    How to fix: Put the file in public/ at that place, or correct the path. Paths start after public/, like: media/stories/rosa.mp4.',
    );
  });

  it('a captions file named but missing, and a poster picture missing', () => {
    content.edit(video, 'captions: media/stories/going-back-to-the-allotment.vtt', 'captions: media/stories/rosa.vtt');
    content.remove('../public/media/stories/going-back-to-the-allotment.jpg');
    const report = content.report();
    expect(report).toMatch(/line 10: captions is "media\/stories\/rosa\.vtt", but there is no such file in public\//);
    expect(report).toMatch(/line 8: poster → src is "media\/stories\/going-back-to-the-allotment\.jpg", but there is no such file in public\//);
  });

  it('a poster without alt text', () => {
    content.edit(video, /\n {2}alt: .*/, '');
    expect(content.report()).toContain(
      'line 7: poster → alt is missing.\n    How to fix: Add words that say what the picture shows, for people who cannot see it',
    );
  });

  it('a video story without a poster', () => {
    content.edit(video, /poster:\n( {2}.*\n)+/, '');
    expect(content.report()).toContain('poster is missing: a video story needs a still picture to show before it plays.');
  });

  it('a module that does not exist', () => {
    content.edit(video, 'modules: [hope-and-recovery]', 'modules: [hope-and-recovry]');
    const report = content.report();
    expect(report).toContain(
      'line 13: modules → item 1 is "hope-and-recovry", which is not a module in content/modules/en/.\n' +
        '    How to fix: Use the folder name of a module in this language: ',
    );
    // The list names every module in the default content, whatever their number.
    expect(report).toMatch(/How to fix: Use the folder name of a module in this language: [a-z, -]*\bgetting-started, hope-and-recovery\b/);
  });

  it('a kind that is not video, audio or text', () => {
    content.edit(audio, 'kind: audio', 'kind: podcast');
    expect(content.report()).toContain('line 5: kind is the text "podcast", which is not one of the choices.\n    How to fix: Use one of: video, audio, text.');
  });

  it('a recording in a format browsers cannot play', () => {
    content.edit(audio, 'media: media/stories/the-first-visit.mp3', 'media: media/stories/the-first-visit.wav');
    expect(content.report()).toContain('media is a .wav file, which is not an audio file every browser can play.\n    How to fix: Use an .mp3 file');
  });

  it('captions from another website', () => {
    content.edit(audio, 'captions: media/stories/the-first-visit.vtt', 'captions: "https://cdn.example.com/dev.vtt"');
    expect(content.report()).toContain('captions points to another website, which would tell that website who is watching.');
  });

  it('captions that are not WebVTT', () => {
    writeFileSync(publicFile('media/stories/the-first-visit.vtt'), '1\n00:00:01,000 --> 00:00:02,000\nHello\n');
    expect(content.report()).toContain(
      'public/media/stories/the-first-visit.vtt\n  ✗ line 1: does not start with the line WEBVTT, so browsers will not show it.',
    );
  });

  it('a <Story> in a module naming no story', () => {
    content.edit('modules/en/hope-and-recovery/small-signs-of-hope.mdx', '<Story id="going-back-to-the-allotment" />', '<Story id="rosas-story" />');
    expect(content.report()).toMatch(
      /small-signs-of-hope\.mdx\n {2}✗ line \d+: uses <Story id="rosas-story">, but there is no story rosas-story\.mdx in content\/stories\/en\/\.\n {4}How to fix: Give the file name of a story without \.mdx/,
    );
  });

  it('a story in a language the site does not have', () => {
    content.write('stories/fr.mdx', '---\ntitle: x\n---\n');
    expect(content.report()).toContain('content/stories/fr.mdx\n  ✗ is not in a language folder.');
  });
});

describe('a large recording', () => {
  it('gives a warning, not an error', () => {
    truncateSync(publicFile('media/stories/the-first-visit.mp3'), largeMediaBytes + 1024 * 1024);
    const { problems } = checkContent(content.dir);
    expect(hasErrors(problems)).toBe(false);
    expect(content.report()).toContain(
      'content/stories/en/the-first-visit.mdx\n  ! line 6: media is 11.0 MB, which is large: people pay for data, and on a slow phone it may not play.\n    How to fix: Make it smaller',
    );
  });
});
