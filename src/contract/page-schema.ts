/** The contract for the site's own pages in `content/pages/<locale>/`: home, help and privacy. */
import { z } from 'astro/zod';

export const PageFrontmatterSchema = z.strictObject({
  /** The page's heading and browser-tab title. */
  title: z.string().min(1).max(80),
  /** One sentence on what the page is for, for search and link previews. */
  summary: z.string().min(1).max(240),
});

/** Pages every language must have: the site shell renders them around its own parts. */
export const requiredPages = ['home', 'help', 'privacy', 'together'] as const;
