/**
 * The default `content/site.yaml` is where a service learns its settings (README: "every setting is
 * explained there"): each setting the schema has, at any depth, is in it, set or as a commented example.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import { SiteSchema } from '../src/contract/site-schema';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; valueType?: z.ZodType; element?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every setting's name in a schema, as `parent.child` (a language or a list item is `*`). */
function settings(schema: z.ZodType, path = ''): string[] {
  let def = defOf(schema);
  while (['default', 'optional', 'nullable', 'prefault', 'pipe'].includes(def.type)) def = defOf((def.innerType ?? def.in)!);
  if (def.type === 'object') {
    return Object.entries(def.shape!).flatMap(([key, child]) => [`${path}${key}`, ...settings(child, `${path}${key}.`)]);
  }
  if (def.type === 'record') return settings(def.valueType!, `${path}*.`);
  if (def.type === 'array') return settings(def.element!, `${path}*.`);
  return [];
}

describe('content/site.yaml', () => {
  const text = readFileSync('content/site.yaml', 'utf8');

  it('shows every setting, set or as a commented example', () => {
    const all = settings(SiteSchema);
    expect(all).toContain('help.*.contacts.*.textWord');
    expect(all).toContain('features.qrTransfer');
    // A setting's own line: `name:` or `# name:`, or `- name:` in a list, at any indentation.
    const missing = all.filter((setting) => !new RegExp(`^\\s*#?\\s*(?:-\\s+)?${setting.split('.').at(-1)}:`, 'm').test(text));
    expect(missing).toEqual([]);
  });

  it('says in a line what each feature switch does', () => {
    for (const feature of settings(SiteSchema).filter((setting) => setting.startsWith('features.'))) {
      expect(text).toMatch(new RegExp(`^#\\s+${feature.split('.')[1]}: true\\s+# \\S.{10,}$`, 'm'));
    }
  });
});
