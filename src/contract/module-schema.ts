/**
 * The contract for a module's MDX frontmatter: `content/modules/<locale>/<module>/index.mdx` is the
 * module's overview; every other `.mdx` file in the folder is one step.
 */
import { z } from 'astro/zod';

/** The CHIME recovery themes (Leamy et al. 2011) a module can serve. */
export const chimeThemes = ['connectedness', 'hope', 'identity', 'meaning', 'empowerment'] as const;

export const ModuleFrontmatterSchema = z.strictObject({
  /** The heading people see: short, plain words ("Noticing what helps"). */
  title: z.string().min(1).max(80),
  /** One or two sentences on what this page is about, shown on cards and in search. */
  summary: z.string().min(1).max(240),
  /** Where it comes: a module's place on the home page, or a step's place in its module (1, 2, 3…). */
  order: z.number().int().min(0).max(999),
  /** About how many minutes it takes to read and try, as a whole number. */
  minutes: z.number().int().min(1).max(120),
  /** The CHIME recovery themes it serves. */
  themes: z.array(z.enum(chimeThemes)).default([]),
  /** Short, factual notes on anything heavy it talks about ("talks about a stay in hospital"). */
  contentNotes: z.array(z.string().min(1)).default([]),
});

export type ModuleFrontmatter = z.output<typeof ModuleFrontmatterSchema>;

/** File and folder names become web addresses, so they stay simple. */
export const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
