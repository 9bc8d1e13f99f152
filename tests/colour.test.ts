import { expect, it } from 'vitest';
import { contrastRatio, isHexColour } from '../src/contract/colour';

it('computes WCAG contrast ratios', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
  expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  expect(contrastRatio('#fff', '#777')).toBeCloseTo(contrastRatio('#ffffff', '#777777'), 5);
});

it('knows a hex colour when it sees one', () => {
  expect(['#1f5f7a', '#FFF', '#abc'].every(isHexColour)).toBe(true);
  expect(['1f5f7a', 'blue', '#12345', '#gggggg'].some(isHexColour)).toBe(false);
});
