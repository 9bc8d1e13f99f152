/**
 * Listen: reads the page's main words, or one tool's question, aloud with the browser's own speech
 * synthesis, in the page's language. Nothing is sent anywhere by Waymark (a browser may use its own
 * online voices). The buttons show only where the browser can speak (`data-speech`, set by prefs.js).
 */
import { listen } from 'virtual:waymark/features';

// With Listen switched off in site.yaml, `listen` is false at build time and all of this is dropped.
const speech = listen && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
const bar = speech ? document.querySelector<HTMLElement>('[data-listen]') : null;

/** What the page says: its main article as shown (hidden parts, like closed worker notes, are left out). */
function pageText(): string {
  const main = document.querySelector<HTMLElement>('main');
  const article = main?.querySelector<HTMLElement>('[data-pagefind-body]') ?? main;
  return article?.innerText ?? '';
}

/** Short pieces, one paragraph or line each: long utterances are cut off by some browsers. */
function pieces(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function speak(text: string): void {
  if (!speech) return;
  speech.cancel();
  const lang = document.documentElement.lang;
  const voice = speech.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang.toLowerCase()));
  const parts = pieces(text);
  parts.forEach((part, index) => {
    const utterance = new SpeechSynthesisUtterance(part);
    utterance.lang = lang;
    if (voice) utterance.voice = voice;
    if (index === parts.length - 1) utterance.addEventListener('end', () => show('idle'));
    speech.speak(utterance);
  });
  show('speaking');
}

function show(state: 'idle' | 'speaking' | 'paused'): void {
  if (!bar) return;
  bar.dataset.state = state;
  for (const button of bar.querySelectorAll<HTMLButtonElement>('button')) {
    const wanted = button.dataset.listenShow?.split(' ') ?? [];
    button.hidden = !wanted.includes(state);
  }
}

if (speech) {
  document.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('[data-listen-action], [data-listen-text]');
    if (!button) return;
    const action = button.dataset.listenAction;
    if (button.dataset.listenText) speak(button.dataset.listenText);
    else if (action === 'play') speak(pageText());
    else if (action === 'pause') {
      speech.pause();
      show('paused');
    } else if (action === 'resume') {
      speech.resume();
      show('speaking');
    } else if (action === 'stop') {
      speech.cancel();
      show('idle');
    }
  });
  // Leaving the page stops the voice, so it never goes on over the next page.
  addEventListener('pagehide', () => speech.cancel());
}
