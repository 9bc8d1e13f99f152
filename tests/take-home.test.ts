/** The page a person takes home: every word escaped, the page's language and direction, nothing that runs or fetches. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, takeHomeFileName, takeHomeHtml } from '../src/device/take-home';

const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)"> & \'quotes\'';

const page = (answers: Parameters<typeof takeHomeHtml>[0]['answers'], title = 'My words from Waymark') =>
  takeHomeHtml({ locale: 'ar', dir: 'rtl', title, dateLine: 'أُخذت في ٣٠ نوفمبر ٢٠٢٦', answers });

describe('the take-home page', () => {
  it('escapes every character that could start markup or end an attribute', () => {
    expect(escapeHtml(hostile)).toBe('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &#39;quotes&#39;');
  });

  it('shows hostile words, questions and titles as text, with no tag of their own', () => {
    const html = page(
      [
        { question: `Q ${hostile}`, lines: [hostile] },
        { question: 'List', lines: [hostile, 'second'] },
        { question: 'English', lines: ['Swim'], lang: 'en" onload="x', dir: 'ltr', language: `<b>${hostile}</b>` },
      ],
      `Title ${hostile}`,
    );
    expect(html).not.toMatch(/<(script|img|b)\b/i);
    expect(html).not.toMatch(/onerror="|onload="/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.match(/<li class="words">/g)).toHaveLength(2);
  });

  it('says its language and direction, and each answer in another language says its own', () => {
    const html = page([{ question: 'What helps?', lines: ['Walking'], lang: 'en', dir: 'ltr', language: 'الإنجليزية' }]);
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('<h2 lang="en" dir="ltr">What helps?</h2>');
    expect(html).toContain('<p class="words" lang="en" dir="ltr">Walking</p>');
    expect(html).toContain('<p class="language">الإنجليزية</p>');
  });

  it('fetches nothing and runs nothing: inline style only, and a policy that forbids the rest', () => {
    const html = page([{ question: 'Q', lines: ['A'] }]);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/\b(src|href)=|@import|url\(/);
    expect(html).toContain('@media print');
  });

  it('is named after the site and the day', () => {
    expect(takeHomeFileName('riverside-recovery', new Date('2026-11-30T10:00:00Z'))).toBe('riverside-recovery-my-words-2026-11-30.html');
  });
});
