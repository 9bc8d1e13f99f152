/** What a tab does when another tab says it saved: never lose words without asking. */
import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../src/device/schema';
import { answerToChange } from '../src/device/sync';

const version = (text: string, updatedAt: number): StoredRecord => ({ id: 'r', module: 'm', kind: 'reflection', value: { text }, updatedAt }) as StoredRecord;

describe('answerToChange', () => {
  it('ignores the version this tab already has', () => {
    expect(answerToChange(version('A', 5), 0, { mine: version('A', 5), seen: 5, unsaved: false })).toBe('ignore');
  });

  it("takes a newer version written by a tab that saw this one's", () => {
    expect(answerToChange(version('B', 9), 5, { mine: version('A', 5), seen: 5, unsaved: false })).toBe('take');
  });

  it('asks when both wrote at once and the other never saw this tab’s version', () => {
    expect(answerToChange(version('B', 9), 0, { mine: version('A', 5), seen: 5, unsaved: false })).toBe('conflict');
  });

  it('asks when the stored version is older than this tab’s: the other tab wrote last with its clock behind', () => {
    // Before: "older than what this tab has" was ignored, and storage kept B while this tab showed A.
    expect(answerToChange(version('B', 4), 0, { mine: version('A', 5), seen: 5, unsaved: false })).toBe('conflict');
  });

  it('asks when this tab has words not written yet', () => {
    expect(answerToChange(version('B', 9), 5, { mine: version('A2', 7), seen: 5, unsaved: true })).toBe('conflict');
  });
});
