/**
 * The authors' vocabulary: components a writer can use in any `.mdx` file in `content/` without
 * importing them (`<Callout>`, `<TryThisWeek>`, `<Story>`, `<IfFeature>`, and the tools). Their names are listed
 * in `vocabulary.ts`; every tool's tag is `Tool.astro`, which finds the tool's kind by its id.
 */
import { forEachComponent } from '../tools/registry';
import Callout from './Callout.astro';
import ForWorkers from './ForWorkers.astro';
import IfFeature from './IfFeature.astro';
import Story from './Story.astro';
import Tool from './Tool.astro';
import TryThisWeek from './TryThisWeek.astro';
import type { AuthorComponent } from './vocabulary';

export const mdxComponents = {
  Callout,
  TryThisWeek,
  Story,
  ForWorkers,
  IfFeature,
  ...forEachComponent(() => Tool),
} satisfies Record<AuthorComponent, unknown>;
