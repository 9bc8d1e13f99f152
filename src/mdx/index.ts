/**
 * The authors' vocabulary: components a writer can use in any `.mdx` file in `content/`
 * without importing them (`<Callout>`, `<TryThisWeek>`). Their names are listed in `vocabulary.ts`.
 */
import Callout from './Callout.astro';
import TryThisWeek from './TryThisWeek.astro';
import type { AuthorComponent } from './vocabulary';

export const mdxComponents = { Callout, TryThisWeek } satisfies Record<AuthorComponent, unknown>;
