/**
 * Files and folders on disk, in a stable order: what the build wrote, and `content/` as the checks
 * read it. A folder that is not there holds nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (at any depth) whose name ends with one of `endings`, or every file when none are given; sorted. */
export function filesIn(dir: string, endings: readonly string[] = ['']): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && endings.some((ending) => entry.name.endsWith(ending)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The names of the folders directly in `dir`, sorted. */
export function foldersIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}
