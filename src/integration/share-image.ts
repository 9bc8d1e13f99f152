/**
 * The picture a shared link shows when `shareImage` is not set in site.yaml: the site's arrow on
 * its colour, at the size link previews expect. No text in it: the preview shows the title beside it,
 * and a build machine may have no fonts.
 */
import { iconSvg } from './icon.ts';

export const defaultShareImage = { file: 'icons/share.png', width: 1200, height: 630 } as const;

/** The arrow's icon, 320 px square, centred on a 1200 × 630 field of `colour`. */
export function shareImageSvg(colour: string): string {
  const { width, height } = defaultShareImage;
  const size = 320;
  const icon = iconSvg(colour).replace('<svg ', `<svg x="${(width - size) / 2}" y="${(height - size) / 2}" width="${size}" height="${size}" `);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${colour}"/>${icon}</svg>`;
}
