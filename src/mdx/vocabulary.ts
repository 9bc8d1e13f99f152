/** The components writers can use in `.mdx` files, checked before the build. */
import { forEachComponent, type ToolComponent, type ToolKind, toolKindList } from '../tools/registry.ts';

export type { ToolComponent };
export type AuthorComponent = 'Callout' | 'TryThisWeek' | 'Story' | 'ForWorkers' | 'IfFeature' | ToolComponent;

export const authorComponents: readonly AuthorComponent[] = [
  'Callout',
  'TryThisWeek',
  ...toolKindList.map((kind) => kind.component),
  'Story',
  'ForWorkers',
  'IfFeature',
];

/** The tools: components that save what a person writes or chooses, each under its own `id` (see `src/tools/registry.ts`). */
export const toolComponents: Record<ToolComponent, ToolKind> = forEachComponent((kind) => kind.kind);

/** The `module` of the reflection that follows each story (they are not in a module). */
export const storiesModule = 'stories';
