/** Writing what `npm run new` makes: templates filled in, paths shown as the writer sees them, never over a file. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Made } from './request.ts';

export const templates = fileURLToPath(new URL('../templates/', import.meta.url));

/** Paths as the writer sees them: from the project folder when inside it. */
export const shown = (path: string, from = process.cwd()) => {
  const fromHere = relative(from, path);
  return fromHere && !fromHere.startsWith('..') ? fromHere : path;
};

/** A template from cli/templates/ with each `{{name}}` filled in. */
export function fill(template: string, values: Record<string, string>): string {
  const text = readFileSync(join(templates, template), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`cli/templates/${template} uses {{${name}}}, which npm run new does not fill in`);
    return value;
  });
}

/** A title inside an MDX comment: nothing in it may end the comment. */
export const inComment = (title: string) => title.replaceAll('*/', '* /');

export function write(path: string, text: string, made: Made): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' }); // never overwrite
  made.created.push(shown(path));
}
