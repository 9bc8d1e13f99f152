/** A throw-away copy of the default `content/` for a test to break in one place. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import { checkContent } from '../src/contract/load';
import { formatProblems } from '../src/contract/problems';

export interface ContentFixture {
  dir: string;
  /** Replace `find` with `replace` in a file under the fixture (fails if `find` is not there). */
  edit(file: string, find: string | RegExp, replace: string): void;
  write(file: string, text: string): void;
  exists(file: string): boolean;
  remove(file: string): void;
  rename(from: string, to: string): void;
  /** The checker's report as a person would read it. */
  report(): string;
  cleanUp(): void;
}

export function copyDefaultContent(): ContentFixture {
  const root = mkdtempSync(join(tmpdir(), 'waymark-content-'));
  const dir = join(root, 'content');
  cpSync('content', dir, { recursive: true });
  // Stories' media live in public/, next to content/ (see checkContent): copied so a test can break them.
  cpSync('public/media', join(root, 'public', 'media'), { recursive: true });
  return {
    dir,
    edit(file, find, replace) {
      const path = join(dir, file);
      const text = readFileSync(path, 'utf8');
      const changed = text.replace(find, replace);
      if (changed === text) throw new Error(`fixture: ${String(find)} not found in ${file}`);
      writeFileSync(path, changed);
    },
    exists: (file) => existsSync(join(dir, file)),
    write(file, text) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    },
    remove: (file) => rmSync(join(dir, file), { recursive: true }),
    rename: (from, to) => renameSync(join(dir, from), join(dir, to)),
    report: () => formatProblems(checkContent(dir, root).problems),
    cleanUp: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Copies made by the returned function are removed after each test of the file that calls this. */
export function copiesRemovedAfterEachTest(): () => ContentFixture {
  let fixtures: ContentFixture[] = [];
  afterEach(() => {
    for (const fixture of fixtures) fixture.cleanUp();
    fixtures = [];
  });
  return () => {
    const fixture = copyDefaultContent();
    fixtures.push(fixture);
    return fixture;
  };
}
