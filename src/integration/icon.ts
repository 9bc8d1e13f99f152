/** The site's icon: the waymark arrow on the site's own colour (tab, home screen, app list). */

/** `inset` leaves room for the masks some phones cut icons with. */
export function iconSvg(colour: string, inset = 0): string {
  const scale = 1 - inset * 2;
  const shift = 32 * inset * 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="${inset ? 0 : 14}" fill="${colour}"/><path transform="translate(${shift} ${shift}) scale(${scale})" d="M32 10 46 30H36v24h-8V30H18z" fill="#fff"/></svg>`;
}
