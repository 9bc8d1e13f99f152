/** What the person can choose to look at today: each module and story of a locale, with its address. */
import type { Module } from '../../collections/modules';
import type { Story } from '../../collections/stories';
import { pageHref } from '../../i18n';

export interface TodayChoice {
  /** What is kept in the tab's sessionStorage: `module:<slug>` or `story:<slug>`. */
  id: string;
  href: string;
  title: string;
  summary: string;
  contentNotes: readonly string[];
}

export const moduleChoice = ({ locale, slug, overview }: Module): TodayChoice => ({
  id: `module:${slug}`,
  href: pageHref(locale, 'modules', slug),
  title: overview.data.title,
  summary: overview.data.summary,
  contentNotes: [],
});

export const storyChoice = ({ locale, slug, entry }: Story): TodayChoice => ({
  id: `story:${slug}`,
  href: pageHref(locale, 'stories', slug),
  title: entry.data.title,
  summary: entry.data.summary,
  contentNotes: entry.data.contentNotes,
});
