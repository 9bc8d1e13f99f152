/**
 * Waymark's colours, in one place: the light and dark themes, each also in high contrast, built
 * around the service's brand colour from site.yaml. The build turns them into the CSS custom
 * properties of `virtual:waymark/theme.css`; `npm run check` reads the same numbers to test contrast.
 *
 * `--wm-brand` fills the header and buttons, under `--wm-on-brand` text. `--wm-accent` is the brand
 * used *on the page background* (borders, headings, chart lines): in dark themes it is the brand
 * lightened just enough to read on the dark background, so any brand colour that passes in light
 * also works in dark.
 */
import { contrastRatio, mix } from './colour.ts';

export type ThemeName = 'light' | 'dark' | 'light-contrast' | 'dark-contrast';

export interface Palette {
  text: string;
  muted: string;
  bg: string;
  surface: string;
  border: string;
  link: string;
  focus: string;
  brand: string;
  onBrand: string;
  accent: string;
  noticeBg: string;
  noticeBorder: string;
  help: string;
}

/** The text on brand-coloured buttons and the header, in every theme. */
export const textOnBrand = '#ffffff';

/** WCAG 2.2 AA: 4.5:1 for text; 3:1 for large text and the edges of controls. */
export const minimumTextContrast = 4.5;

const base: Record<ThemeName, Omit<Palette, 'brand' | 'onBrand' | 'accent'>> = {
  light: {
    text: '#1b1f23',
    muted: '#4a525a',
    bg: '#fdfcf9',
    surface: '#ffffff',
    border: '#767f88',
    link: '#0b4f8a',
    focus: '#0b4f8a',
    noticeBg: '#fff6dc',
    noticeBorder: '#8a6400',
    help: '#a3262a',
  },
  dark: {
    text: '#eceff1',
    muted: '#b8c0c8',
    bg: '#15181c',
    surface: '#1e2227',
    border: '#8d97a1',
    link: '#9ccbff',
    focus: '#9ccbff',
    noticeBg: '#33290c',
    noticeBorder: '#d9ad45',
    help: '#ff9e97',
  },
  'light-contrast': {
    text: '#000000',
    muted: '#000000',
    bg: '#ffffff',
    surface: '#ffffff',
    border: '#000000',
    link: '#00008f',
    focus: '#000000',
    noticeBg: '#ffffff',
    noticeBorder: '#000000',
    help: '#8f0000',
  },
  'dark-contrast': {
    text: '#ffffff',
    muted: '#ffffff',
    bg: '#000000',
    surface: '#000000',
    border: '#ffffff',
    link: '#ffff5c',
    focus: '#ffff5c',
    noticeBg: '#000000',
    noticeBorder: '#ffffff',
    help: '#ffb3ad',
  },
};

/** `colour` mixed with white (or black) in small steps until it reads on `background` at `ratio`. */
export function readableOn(colour: string, background: string, ratio = minimumTextContrast): string {
  const towards = contrastRatio(background, '#ffffff') > contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
  for (let step = 0; step <= 20; step++) {
    const candidate = mix(colour, towards, step / 20);
    if (contrastRatio(candidate, background) >= ratio) return candidate;
  }
  return towards;
}

/** The four themes for a brand colour. */
export function palettes(brand: string): Record<ThemeName, Palette> {
  const build = (name: ThemeName): Palette => {
    const colours = base[name];
    const strongBrand = name.endsWith('contrast') ? readableOn(brand, '#ffffff', 7) : brand;
    return {
      ...colours,
      brand: strongBrand,
      onBrand: textOnBrand,
      accent: readableOn(strongBrand, colours.bg, name.endsWith('contrast') ? 7 : minimumTextContrast),
    };
  };
  return { light: build('light'), dark: build('dark'), 'light-contrast': build('light-contrast'), 'dark-contrast': build('dark-contrast') };
}

const cssName = (key: string) => `--wm-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const declarations = (palette: Palette) =>
  Object.entries(palette)
    .map(([key, value]) => `${cssName(key)}: ${value};`)
    .join(' ');

/**
 * The theme as CSS. The person's choice is on `<html data-theme data-contrast>` (set before paint by
 * `prefs.js`); with no choice, the device's own light/dark and contrast settings apply.
 */
export function themeCss(brand: string): string {
  const p = palettes(brand);
  const dark = ':root[data-theme="dark"]';
  const systemDark = ':root:not([data-theme="light"]):not([data-theme="dark"])';
  return [
    `:root { color-scheme: light; ${declarations(p.light)} }`,
    `${dark} { color-scheme: dark; ${declarations(p.dark)} }`,
    `@media (prefers-color-scheme: dark) { ${systemDark} { color-scheme: dark; ${declarations(p.dark)} } }`,
    `:root[data-contrast="more"] { ${declarations(p['light-contrast'])} }`,
    `${dark}[data-contrast="more"] { color-scheme: dark; ${declarations(p['dark-contrast'])} }`,
    `@media (prefers-color-scheme: dark) { ${systemDark}[data-contrast="more"] { color-scheme: dark; ${declarations(p['dark-contrast'])} } }`,
    `@media (prefers-contrast: more) { :root:not([data-contrast="normal"]) { ${declarations(p['light-contrast'])} } ${dark}:not([data-contrast="normal"]) { color-scheme: dark; ${declarations(p['dark-contrast'])} } }`,
    `@media (prefers-contrast: more) and (prefers-color-scheme: dark) { ${systemDark}:not([data-contrast="normal"]) { color-scheme: dark; ${declarations(p['dark-contrast'])} } }`,
    // Paper is white: print in the light theme whatever the screen shows.
    `@media print { :root:root:root:root:root { color-scheme: light; ${declarations(p.light)} } }`,
  ].join('\n');
}
