/**
 * What the hand-over carries: exactly the answers the person saw and ticked, as the copy to bring
 * back (the QR code, the file) and as the page they can read.
 */
import type { RecordStore } from '../../device';
import { takeHomeFileName, takeHomeHtml } from '../../device/take-home';
import { type ExportDocument, exportDocument, fileNameOf } from '../../device/transfer';
import { fill } from '../../tools/labels';
import { entryDate } from '../../tools/next-steps/dates';
import { answerLines } from '../plan/answer-words';
import { type PlacedAnswer, promptOf } from '../plan/answers';

/** The copy to bring back, holding only the chosen answers. Words set aside as unreadable stay here: no one was shown them. */
export async function chosenDocument(store: RecordStore, chosen: readonly PlacedAnswer[]): Promise<ExportDocument> {
  const ids = new Set(chosen.map(({ record }) => record.id));
  const { format, version, exportedAt, records } = await exportDocument(store);
  return { format, version, exportedAt, records: records.filter((record) => ids.has(record.id)) };
}

interface Page {
  locale: string;
  dir: 'ltr' | 'rtl';
  siteName: string;
  labels: Record<string, string>;
}

/** The page a person can read, as a file: its name and contents. */
export function takeHomeFile(chosen: readonly PlacedAnswer[], { locale, dir, siteName, labels }: Page, now = new Date()): File {
  const html = takeHomeHtml({
    locale,
    dir,
    title: labels['end.readTitle'] ?? siteName,
    dateLine: fill(labels['end.readDate'] ?? '{date}', { date: entryDate(now.getTime(), locale) }),
    answers: chosen.map(({ record, tool, module }) => ({
      question: promptOf(tool),
      lines: answerLines(record, tool, labels, locale),
      ...(module.language ? { lang: module.locale, dir: module.dir, language: module.language } : {}),
    })),
  });
  return new File([html], takeHomeFileName(fileNameOf(siteName), now), { type: 'text/html' });
}
