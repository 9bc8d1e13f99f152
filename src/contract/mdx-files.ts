import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every `.mdx` file under `dir`, at any depth, in a stable order (none when `dir` is missing). */
export function mdxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => join(dir, name));
}
