/**
 * The search page: reads the words and filters from the address, asks Pagefind (loaded from
 * `pagefind/` on first use; it picks the index for the page's `<html lang>`), and lists the results
 * as text. The address keeps the search in its fragment (`#q=…`), which is never sent to the host,
 * so it can be bookmarked; each search replaces the entry, so history holds no trail of words. In a
 * guest session the words stay in the page only. A `?q=` link (shared, or the form sent without
 * script) still searches, and its words leave the query string at once.
 */
import { isGuestSession } from '../device/guest-flag';
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; module?: string };
  filters: { type?: string[] };
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) start(root);

function start(root: HTMLElement) {
  const strings = JSON.parse(root.dataset.strings ?? '{}') as Record<string, string>;
  const say = (key: string, values: Record<string, string | number> = {}) =>
    (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
  const form = root.querySelector<HTMLFormElement>('[data-search-form]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const words = form.elements.namedItem('q') as HTMLInputElement;
  const theme = form.elements.namedItem('theme') as HTMLSelectElement;
  const typeRadios = [...form.querySelectorAll<HTMLInputElement>('input[name="type"]')];

  // The form's state from the address: a search link opens with its words and filters in place.
  // Words typed before this script ran (a quick typist on a slow phone) are kept.
  const params = new URLSearchParams(location.search || location.hash.slice(1));
  if (!words.value) words.value = params.get('q') ?? '';
  const linkedType = params.get('type') ?? 'all';
  for (const radio of typeRadios) radio.checked = radio.value === linkedType;
  if (typeRadios.every((radio) => !radio.checked)) typeRadios[0]!.checked = true;
  theme.value = [...theme.options].some((option) => option.value === params.get('theme')) ? params.get('theme')! : '';

  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ `${root.dataset.bundle}pagefind.js`).then(async (module: Pagefind) => {
      await module.options({ baseUrl: root.dataset.base ?? '/' });
      return module;
    }));

  const chosenType = () => typeRadios.find((radio) => radio.checked)?.value ?? 'all';
  /** The search into the address's fragment, replacing this entry; for a guest, out of it. */
  function remember() {
    const next = new URLSearchParams();
    const term = words.value.trim();
    const type = chosenType();
    if (term) next.set('q', term);
    if (type !== 'all') next.set('type', type);
    if (theme.value) next.set('theme', theme.value);
    history.replaceState(history.state, '', location.pathname + (next.size && !isGuestSession() ? `#${next}` : ''));
  }

  let latest = 0;
  async function run() {
    const term = words.value.trim();
    const type = chosenType();
    remember();
    list.replaceChildren();
    if (!term) {
      status.textContent = '';
      return;
    }
    if (root.dataset.dev) {
      status.textContent = say('search.devOnly');
      return;
    }
    const ticket = ++latest;
    status.textContent = say('search.loading');
    try {
      const filters: Record<string, string> = {};
      if (type !== 'all') filters.type = type;
      if (theme.value) filters.theme = theme.value;
      const search = await (await load()).search(term, { filters });
      const results = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
      if (ticket !== latest) return; // a newer search has started
      list.replaceChildren(...results.map(resultItem));
      status.textContent =
        results.length === 0
          ? say('search.none', { query: term })
          : say(results.length === 1 ? 'search.countOne' : 'search.count', { query: term, count: results.length });
    } catch {
      if (ticket === latest) status.textContent = say('search.unavailable');
    }
  }

  function resultItem(result: PagefindResultData): HTMLLIElement {
    const item = document.createElement('li');
    const heading = document.createElement('h2');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    heading.append(link);
    const about = document.createElement('p');
    about.className = 'meta';
    const type = result.filters.type?.[0];
    about.textContent = [type ? say(`search.type.${type}`) : '', result.meta.module ?? ''].filter(Boolean).join(' · ');
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(heading, about, excerpt);
    return item;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  for (const control of [...typeRadios, theme]) control.addEventListener('change', () => void run());
  if (words.value.trim()) void run();
  else if (location.search || isGuestSession()) remember(); // filters alone: still out of the query
}

/**
 * Pagefind's excerpt, with its `<mark>`s around the matched words, as text and <mark> nodes only.
 * It is parsed whole, after a `<body>` tag: a piece parsed alone loses its leading spaces (the
 * HTML parser drops white space before the body starts), which ran "sleep and" into "sleepand".
 */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}`, 'text/html').body;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}
