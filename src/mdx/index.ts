/**
 * The authors' vocabulary: components a writer can use in any `.mdx` file in `content/`
 * without importing them (`<Callout>`, `<TryThisWeek>`).
 */
import Callout from './Callout.astro';
import TryThisWeek from './TryThisWeek.astro';

export const mdxComponents = { Callout, TryThisWeek };
