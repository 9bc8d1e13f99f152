/** The names of the components writers can use in `.mdx` files, checked before the build. */
export const authorComponents = ['Callout', 'TryThisWeek'] as const;

export type AuthorComponent = (typeof authorComponents)[number];
