/**
 * Prints how easy the site's content is to read: the Flesch-Kincaid grade of each module (all
 * its pages together, and its hardest page) and of the stories. Aim for 7 or lower overall, and
 * no page above 9. Run it with `npm run reading-level` (or `node cli/reading-level.ts`).
 * Add `--pages` to list every page. The same measure runs in the tests (tests/default-content/standards.test.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readingFormulas, readingReport, readingTable } from '../src/audits/reading-level.ts';
import { contentDir } from '../src/integration/paths.ts';

// Every language with a formula (English, Spanish) that has modules.
for (const locale of Object.keys(readingFormulas).filter((code) => existsSync(join(contentDir, 'modules', code)))) {
  const report = readingReport(contentDir, locale);
  console.log(`\n${locale}: ${report.formula}\n${readingTable(report)}`);
  if (process.argv.includes('--pages')) {
    console.log('');
    for (const page of [...report.pages].sort((a, b) => b.grade - a.grade)) {
      console.log(`${page.grade.toFixed(1).padStart(5)}  ${String(page.words).padStart(5)} words  ${page.file}`);
    }
  }
  if (report.grade > 7 || report.maxGrade > 9) process.exitCode = 1;
}
