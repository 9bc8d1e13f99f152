declare module 'virtual:waymark/config' {
  /** The checked contents of `content/site.yaml`. */
  export const site: import('./config/site-schema').SiteConfig;
  /** UI strings per locale, English filled in where a translation is missing. */
  export const strings: Record<string, import('./config/content-check').UiStrings>;
  /** Every tool placed in a module, in every language, read from the content at build time. */
  export const tools: import('./mdx/vocabulary').ToolDefinition[];
}
declare module 'virtual:waymark/theme.css';

declare module 'localforage/dist/localforage.nopromises.js' {
  import localforage from 'localforage';
  export default localforage;
}
