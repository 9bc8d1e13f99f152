/**
 * "Using a shared device?" on the home page (GuestStart.astro): shows the button that starts a
 * guest session, and says once, in home's live region (`[data-guest-ended]`), that one has just ended.
 */
import { guestSessionJustEnded, startGuestSession } from '../device/guest-flag';

const section = document.querySelector<HTMLElement>('[data-guest-start]');
const ended = document.querySelector<HTMLElement>('[data-guest-ended]');
if (ended && guestSessionJustEnded()) {
  // A moment after the page is read, so screen readers announce it as news rather than skip it.
  setTimeout(() => (ended.textContent = section?.dataset.ended ?? ''), 300);
}
if (section && document.documentElement.dataset.guest !== 'on') {
  section.hidden = false;
  section.querySelector('button')?.addEventListener('click', () => {
    // No sessionStorage: a guest session cannot start here, and the button does nothing.
    if (startGuestSession()) location.reload();
  });
}
