declare module 'virtual:waymark/config' {
  /** The checked contents of `content/site.yaml`. */
  export const site: import('./contract/site-schema').SiteConfig;
  /** UI strings per locale, English filled in where a translation is missing. */
  export const strings: Record<string, import('./contract/load').UiStrings>;
  /** Every tool placed in a module, in every language, read from the content at build time. */
  export const tools: import('./tools/tool').ToolDefinition[];
  /** The content folder, as an absolute path. */
  export const contentDir: string;
}
declare module 'virtual:waymark/theme.css';
/** The switches of site.yaml's `features`, as constants: one per key of `FeaturesSchema` (src/contract/features.ts). */
declare module 'virtual:waymark/features' {
  export const together: boolean;
  export const stories: boolean;
  export const checkIns: boolean;
  export const qrTransfer: boolean;
  export const reminders: boolean;
  export const listen: boolean;
}

declare module 'localforage/dist/localforage.nopromises.js' {
  import localforage from 'localforage';
  export default localforage;
}
