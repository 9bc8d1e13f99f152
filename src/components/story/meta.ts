/** How a story is described in one line: "Video, 0:40" or "Text, about 3 minutes to read". */
import type { Story } from '../../collections/stories';
import type { Translate } from '../../i18n';

export function storyLength(story: Story, t: Translate): string {
  const { kind, duration } = story.entry.data;
  const kindName = t(`story.kind.${kind}`);
  if (kind !== 'text' && duration) return t('story.length', { kind: kindName, duration });
  const words = (story.entry.body ?? '').split(/\s+/).filter(Boolean).length;
  // About 150 words a minute: slower than average, for people reading when tired or unwell.
  return t('story.readingTime', { kind: kindName, minutes: Math.max(1, Math.round(words / 150)) });
}
