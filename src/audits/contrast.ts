/**
 * The brand colour's contrast in every theme (`palette.ts`), for `npm run check`: the text on
 * brand-coloured buttons and the header, and the brand colour where it is used on the page
 * (headings, borders, chart lines). Below 4.5:1, text is hard to read for many people (WCAG 2.2 AA).
 */
import { contrastRatio, isHexColour } from '../contract/colour.ts';
import { minimumTextContrast, palettes, type ThemeName } from '../contract/palette.ts';
import type { Problem } from '../contract/problems.ts';

export interface ContrastRow {
  theme: ThemeName;
  /** Text on the brand colour, or the brand colour on the page. */
  pair: 'on-brand' | 'accent';
  foreground: string;
  background: string;
  ratio: number;
}

export const themeNames: Record<ThemeName, string> = {
  light: 'Light',
  dark: 'Dark',
  'light-contrast': 'Light, high contrast',
  'dark-contrast': 'Dark, high contrast',
};

const pairNames: Record<ContrastRow['pair'], string> = {
  'on-brand': 'text on the brand colour',
  accent: 'the brand colour on the page',
};

/** Both pairs in all four themes; none if `brand` is not a colour (the schema reports that). */
export function brandContrast(brand: string): ContrastRow[] {
  if (!isHexColour(brand)) return [];
  return Object.entries(palettes(brand)).flatMap(([theme, p]) => [
    { theme: theme as ThemeName, pair: 'on-brand' as const, foreground: p.onBrand, background: p.brand, ratio: contrastRatio(p.onBrand, p.brand) },
    { theme: theme as ThemeName, pair: 'accent' as const, foreground: p.accent, background: p.bg, ratio: contrastRatio(p.accent, p.bg) },
  ]);
}

/** One error for each pair of colours that is too faint, naming the themes it is in. */
export function contrastProblems(rows: readonly ContrastRow[], place: Pick<Problem, 'file' | 'line'>): Problem[] {
  const failing = Map.groupBy(
    rows.filter((row) => row.ratio < minimumTextContrast),
    (row) => `${row.pair} ${row.foreground} ${row.background}`,
  );
  return [...failing.values()].map((group) => {
    const { pair, foreground, background, ratio } = group[0]!;
    const themes = group.map((row) => themeNames[row.theme].toLowerCase());
    return {
      ...place,
      field: 'brandColour',
      problem: `gives ${pairNames[pair]} a contrast of ${ratioText(ratio)} (${foreground} on ${background}) in the ${list(themes)} theme${themes.length > 1 ? 's' : ''}, and text needs at least ${minimumTextContrast}:1`,
      fix:
        pair === 'on-brand'
          ? `Pick a darker colour. White text on it needs a contrast of at least ${minimumTextContrast}:1 (try a contrast checker).`
          : 'Pick a colour with more contrast against the page background: a darker one for light themes.',
      severity: 'error' as const,
    };
  });
}

/** The numbers as a small table. */
export function contrastTable(brand: string, rows: readonly ContrastRow[]): string {
  const cell = (row: ContrastRow | undefined) => (row ? `${ratioText(row.ratio).padStart(7)} ${row.ratio >= minimumTextContrast ? '✓' : '✗ too low'}` : '');
  const width = Math.max(...Object.values(themeNames).map((n) => n.length)) + 2;
  const lines = [
    `Brand colour ${brand}: contrast in each theme (text needs at least ${minimumTextContrast}:1)`,
    `  ${'Theme'.padEnd(width)}${'Text on the brand colour'.padEnd(27)}Brand colour on the page`,
  ];
  for (const theme of Object.keys(themeNames) as ThemeName[]) {
    const find = (pair: ContrastRow['pair']) => rows.find((row) => row.theme === theme && row.pair === pair);
    lines.push(`  ${themeNames[theme].padEnd(width)}${cell(find('on-brand')).padEnd(27)}${cell(find('accent'))}`);
  }
  return lines.join('\n');
}

/** Two decimals, so that 4.48:1 never shows as a passing 4.5:1. */
export function ratioText(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

function list(words: string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');
}
