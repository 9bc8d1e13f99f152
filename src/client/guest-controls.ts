/**
 * In a guest's tab only (loaded by session-controls.ts): *End guest session* asks first, with
 * *Keep going* ready to press and a link to take the words away first; ending it, here or in any
 * other guest tab, lands on the home page, which says once that the session has ended.
 */
import { endGuestSession, followGuestSession } from '../device/guest';

const button = document.querySelector<HTMLButtonElement>('[data-end-guest]');
const ask = document.querySelector<HTMLDialogElement>('[data-end-guest-ask]');
const home = () => location.assign(button?.dataset.home ?? '/');

void followGuestSession(home);

if (button && ask) {
  button.addEventListener('click', () => {
    ask.returnValue = ''; // Escape keeps the last answer otherwise
    ask.showModal();
  });
  ask.addEventListener('close', () => {
    if (ask.returnValue === 'end') void endGuestSession().then(home);
  });
}
