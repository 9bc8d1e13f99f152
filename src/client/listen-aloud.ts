/**
 * Listen's reading, loaded on the first press of a Listen button (`listen.ts`), which it then
 * answers, and every press after it: the page's main
 * words, or one tool's question, read aloud in the page's language with a voice of the device's
 * own (`localService`) only, as a network voice would send the words, and what the person is doing,
 * to the voice's provider. With no such voice, it says so and offers the text size instead. It
 * speaks a sentence at a time (long utterances are cut off by some browsers) and marks the part
 * being read.
 */
const speech = window.speechSynthesis;
const bar = document.querySelector<HTMLElement>('[data-listen]');
const reading = 'listen-reading';

/** A sentence to say, and the part of the page to mark while it is said. */
type Piece = [text: string, part: Element | null];

// The parts of a page that hold words; the outermost of them is read and marked as one.
const blocks = 'h1,h2,h3,h4,h5,h6,p,li,dt,dd,blockquote,figcaption,caption,th,td,pre,summary,legend';

/** The page's main article as shown (hidden parts, like closed worker notes, are left out). */
function pagePieces(lang: string): Piece[] {
  const main = document.querySelector('main');
  const article = main?.querySelector('[data-pagefind-body]') ?? main;
  if (!article) return [];
  return [...article.querySelectorAll<HTMLElement>(blocks)]
    .filter((part) => !part.parentElement?.closest(blocks) && (part.checkVisibility?.() ?? part.getClientRects().length > 0))
    .flatMap((part) => sentences(part.innerText, lang).map((text): Piece => [text, part]));
}

/** Sentence by sentence, in the language's own way of ending one. */
function sentences(text: string, lang: string): string[] {
  const segmenter = Intl.Segmenter && new Intl.Segmenter(lang, { granularity: 'sentence' });
  return text
    .split(/\n+/)
    .flatMap((line) => (segmenter ? [...segmenter.segment(line)].map((part) => part.segment) : [line]))
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

/** The device's own voice for the page's language (`en` fits `en-GB`), once the list is known. */
async function localVoice(lang: string): Promise<SpeechSynthesisVoice | undefined> {
  let voices = speech.getVoices();
  // Some browsers fill the list a moment after the page opens, and say so with `voiceschanged`.
  if (!voices.length)
    voices = await new Promise((resolve) => {
      const done = () => resolve(speech.getVoices());
      speech.addEventListener('voiceschanged', done, { once: true });
      setTimeout(done, 3_000);
    });
  const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  const own = voices.filter((voice) => voice.localService && base(voice.lang) === base(lang));
  return own.find((voice) => voice.default) ?? own[0];
}

let run = 0;
// Kept while they are spoken: some browsers drop an utterance nothing refers to, and its events.
let queue: SpeechSynthesisUtterance[] = [];

async function speak(pieces: Piece[], from: Element): Promise<void> {
  stop();
  const mine = run;
  const lang = document.documentElement.lang;
  const voice = await localVoice(lang);
  if (mine !== run) return; // stopped, or started again, while the voices were found
  for (const status of document.querySelectorAll('.listen__status')) status.replaceChildren();
  if (!voice) return tell(from);
  queue = pieces.map(([text, part], index) => {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang;
    utterance.voice = voice;
    utterance.addEventListener('start', () => mine === run && mark(part));
    utterance.addEventListener('error', () => mine === run && stop());
    if (index === pieces.length - 1) utterance.addEventListener('end', () => mine === run && stop());
    return utterance;
  });
  for (const utterance of queue) speech.speak(utterance);
  if (queue.length) show('speaking');
}

function stop(): void {
  run++;
  speech.cancel();
  if (speech.paused) speech.resume(); // a browser paused when stopped would stay silent next time
  queue = [];
  mark(null);
  show('idle');
}

function mark(part: Element | null): void {
  for (const marked of document.querySelectorAll(`.${reading}`)) if (marked !== part) marked.classList.remove(reading);
  part?.classList.add(reading);
}

function show(state: 'idle' | 'speaking' | 'paused'): void {
  if (!bar) return;
  bar.dataset.state = state;
  for (const button of bar.querySelectorAll<HTMLButtonElement>('button')) {
    const wanted = button.dataset.listenShow?.split(' ') ?? [];
    button.hidden = !wanted.includes(state);
  }
}

/** No voice of the device's own: say so plainly, in the control's status, and offer the text size. */
function tell(from: Element): void {
  const status = (from.closest('.tool') ?? from.closest('[data-listen]'))?.querySelector('.listen__status');
  const bigger = document.createElement('button');
  bigger.type = 'button';
  bigger.className = 'button button--secondary';
  bigger.textContent = bar?.dataset.listenBigger ?? '';
  bigger.addEventListener('click', openTextSize);
  status?.replaceChildren(`${bar?.dataset.listenNoVoice ?? ''} `, bigger);
}

/** Opens the display controls (and any menu they are in) at the text size. */
function openTextSize(): void {
  const controls = document.querySelector('[data-display-controls]');
  for (let menu = controls?.closest('details'); menu; menu = menu.parentElement?.closest('details')) menu.open = true;
  controls?.querySelector<HTMLInputElement>('input:checked, input')?.focus();
}

/** A Listen button was pressed. */
function press(button: HTMLElement): void {
  const action = button.dataset.listenAction;
  const lang = document.documentElement.lang;
  const question = button.dataset.listenText;
  if (question)
    void speak(
      sentences(question, lang).map((text): Piece => [text, button.closest('.tool')]),
      button,
    );
  else if (action === 'play') void speak(pagePieces(lang), button);
  else if (action === 'pause') {
    speech.pause();
    show('paused');
  } else if (action === 'resume') {
    speech.resume();
    show('speaking');
  } else if (action === 'stop') stop();
}

// The press that loaded this file, then every press after it.
const first = document.querySelector<HTMLElement>('[data-listen-pressed]');
if (first) {
  delete first.dataset.listenPressed;
  press(first);
}
document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLElement>('[data-listen-action], [data-listen-text]');
  if (button) press(button);
});
