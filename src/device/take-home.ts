/**
 * A page a person can take home and read: the answers they ticked, as one self-contained HTML
 * file. No script, no picture, no font or link to fetch (its own Content-Security-Policy says so
 * too, in case a browser opens it from the web), system fonts and a print layout. Every word is
 * escaped: what a person typed is shown as they typed it, even if it looks like markup.
 */

export interface TakeHomeAnswer {
  question: string;
  /** One line shows as a paragraph (line breaks kept); several as a list. */
  lines: string[];
  /** The answer's language and direction, when not the page's. */
  lang?: string | undefined;
  dir?: 'ltr' | 'rtl' | undefined;
  /** The answer's language as the page names it ("English"), when not the page's. */
  language?: string | undefined;
}

export interface TakeHome {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** The page's title and heading ("My words from Waymark"). */
  title: string;
  /** When it was taken ("Taken home on 30 November 2026"). */
  dateLine: string;
  answers: TakeHomeAnswer[];
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML that shows exactly that text, in an element or in a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

// Inline only: the file is opened with no site around it. System fonts, so nothing is fetched.
const style = `
body { font: 1.125rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif; color: #1a1a1a; background: #fff; max-inline-size: 40rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin-block: 0 0.25rem; }
.date { color: #555; margin-block: 0 2rem; }
section { border-block-start: 1px solid #bbb; padding-block: 0.75rem; break-inside: avoid; }
h2 { font-size: 1.15rem; margin-block: 0 0.4rem; }
.language { font-size: 0.9rem; color: #555; margin-block: 0 0.25rem; }
.words { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
ul { margin: 0; padding-inline-start: 1.25rem; }
@media print { body { font-size: 12pt; max-inline-size: none; padding: 0; } }
`;

export function takeHomeHtml(page: TakeHome): string {
  const attributes = (answer: TakeHomeAnswer) => (answer.lang ? ` lang="${escapeHtml(answer.lang)}" dir="${answer.dir === 'rtl' ? 'rtl' : 'ltr'}"` : '');
  const words = (answer: TakeHomeAnswer) =>
    answer.lines.length === 1
      ? `<p class="words"${attributes(answer)}>${escapeHtml(answer.lines[0]!)}</p>`
      : `<ul${attributes(answer)}>${answer.lines.map((line) => `<li class="words">${escapeHtml(line)}</li>`).join('')}</ul>`;
  const sections = page.answers.map(
    (answer) =>
      `<section>\n<h2${attributes(answer)}>${escapeHtml(answer.question)}</h2>\n` +
      (answer.language ? `<p class="language">${escapeHtml(answer.language)}</p>\n` : '') +
      `${words(answer)}\n</section>`,
  );
  return `<!doctype html>
<html lang="${escapeHtml(page.locale)}" dir="${page.dir === 'rtl' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(page.title)}</h1>
<p class="date">${escapeHtml(page.dateLine)}</p>
${sections.join('\n')}
</body>
</html>
`;
}

/** "riverside-recovery-my-words-2026-11-30.html": the site's name, and the day it was taken. */
export function takeHomeFileName(fileStem: string, now = new Date()): string {
  return `${fileStem}-my-words-${now.toISOString().slice(0, 10)}.html`;
}
