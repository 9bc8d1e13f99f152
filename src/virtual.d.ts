declare module 'virtual:waymark/config' {
  /** The checked contents of `content/site.yaml`. */
  export const site: import('./config/site-schema').SiteConfig;
  /** UI strings per locale, English filled in where a translation is missing. */
  export const strings: Record<string, import('./config/content-check').UiStrings>;
}
declare module 'virtual:waymark/theme.css';
