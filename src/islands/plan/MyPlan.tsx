/**
 * My plan: everything a person saved, gathered by part of the plan and by module, each with a
 * link back to change it; check-in history as charts with tables; print; and their data controls.
 */
import { AnswerValue } from '../../tools/AnswerValue';
import { fill, formatDay, localDay } from '../../tools/labels';
import { NextStepsList } from '../../tools/next-steps/NextStepsAnswer';
import { planSections } from '../../tools/planlist/sections';
import type { ToolDefinition } from '../../tools/tool';
import { useStore } from '../../tools/useRecord';
import { LockScreen } from '../LockScreen';
import { reminders } from 'virtual:waymark/features';
import { languageAttributes, type PlacedAnswer, placeAnswers, promptOf } from './answers';
import { LockControls } from './LockControls';
import { RemindMe } from './RemindMe';
import { YourData } from './YourData';

export interface PlanTool extends ToolDefinition {
  /** The step page the tool is on, with `#tool-<id>`. */
  href: string;
}

export interface PlanModule {
  slug: string;
  title: string;
  /** The module's language, and its direction, for its words' `lang` and `dir`. */
  locale: string;
  dir: 'ltr' | 'rtl';
  /** The module's language as the page names it, only when it is not the page's ("الإنجليزية"). */
  language?: string;
  tools: PlanTool[];
}

interface Props {
  locale: string;
  modules: PlanModule[];
  /** The page's strings: the plan's, the tools', the lock's, the reminder's (a switched-off feature's are left out). */
  labels: Record<string, string>;
  modulesHref: string;
  /** The site's home page, for the reminder to link back to. */
  homeHref: string;
  /** The site's name, for the files a person saves (a copy of their words, a reminder). */
  siteName: string;
}

export default function MyPlan({ locale, modules, labels, modulesHref, homeHref, siteName }: Props) {
  const store = useStore();
  if (!store) return <p className="plan__loading">{labels['plan.loading']}</p>;
  if (store.status.locked) return <LockScreen store={store} labels={labels} />;

  const allTools = modules.flatMap((module) => module.tools);
  const answers = placeAnswers(store.all(), modules);
  const planAnswers = answers.filter(({ tool }) => tool.kind === 'planlist');
  const modulesWithAnswers = modules
    .map((module) => ({ module, inModule: answers.filter((answer) => answer.module === module && !['planlist', 'nextsteps'].includes(answer.tool.kind)) }))
    .filter(({ inModule }) => inModule.length > 0);
  // Every "what we'll do next" kept, from End the session and from any module: one list, newest first.
  const nextSteps = store.all().flatMap((record) => (record.kind === 'nextsteps' ? record.value.entries : []));
  const empty = answers.length === 0 && nextSteps.length === 0;

  return (
    <div className="plan">
      {store.status.kept === 'page' && <p className="tool__notice">{labels['tool.notKept']}</p>}
      {store.status.asideCount > 0 && <p className="tool__notice">{fill(labels['plan.aside']!, { count: store.status.asideCount })}</p>}
      <p className="plan__printed-on">{fill(labels['plan.printedOn']!, { date: formatDay(localDay(), locale) })}</p>

      {empty ? (
        <div className="plan__empty">
          <p>{labels['plan.empty']}</p>
          <p>
            <a href={modulesHref}>{labels['plan.emptyLink']}</a>
          </p>
        </div>
      ) : (
        <>
          <p className="plan__print">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {labels['plan.print']}
            </button>
          </p>
          {nextSteps.length > 0 && (
            <section aria-labelledby="next-steps" className="plan__next">
              <h2 id="next-steps">{labels['plan.nextHeading']}</h2>
              <NextStepsList entries={nextSteps} labels={labels} locale={locale} />
            </section>
          )}
          {planAnswers.length > 0 && (
            <section aria-labelledby="plan-sections">
              <h2 id="plan-sections">{labels['plan.sectionsHeading']}</h2>
              {planSections.map((section) => {
                const inSection = planAnswers.filter(({ tool }) => tool.section === section);
                if (inSection.length === 0) return null;
                return (
                  <section key={section} className="plan__section" aria-labelledby={`section-${section}`}>
                    <h3 id={`section-${section}`}>{labels[`plan.section.${section}`]}</h3>
                    {inSection.map((answer) => (
                      <Answer key={answer.tool.id} answer={answer} labels={labels} locale={locale} />
                    ))}
                  </section>
                );
              })}
            </section>
          )}
          {modulesWithAnswers.length > 0 && (
            <section aria-labelledby="by-module">
              <h2 id="by-module">{labels['plan.byModule']}</h2>
              {modulesWithAnswers.map(({ module, inModule }) => (
                <section key={`${module.locale}/${module.slug}`} className="plan__module" aria-labelledby={`module-${module.locale}-${module.slug}`}>
                  <h3 id={`module-${module.locale}-${module.slug}`} {...languageAttributes(module)}>
                    {module.title}
                  </h3>
                  {inModule.map((answer) => (
                    <Answer key={answer.tool.id} answer={answer} labels={labels} locale={locale} heading />
                  ))}
                </section>
              ))}
            </section>
          )}
        </>
      )}
      <YourData
        store={store}
        labels={labels}
        siteName={siteName}
        questions={Object.fromEntries(allTools.map((tool) => [tool.id, tool.prompt || tool.items[0] || '']))}
      />
      {store.status.backend !== 'session' && store.status.backend !== 'memory' && <LockControls store={store} labels={labels} />}
      {reminders && <RemindMe labels={labels} homeHref={homeHref} siteName={siteName} />}
    </div>
  );
}

function Answer({ answer, labels, locale, heading }: { answer: PlacedAnswer; labels: Props['labels']; locale: string; heading?: boolean }) {
  const { tool, record, module } = answer;
  const words = languageAttributes(module);
  return (
    <div className="plan__answer">
      {heading && <h4 {...words}>{promptOf(tool)}</h4>}
      {module.language && <p className="plan__language">{module.language}</p>}
      <div {...words}>
        <AnswerValue tool={tool} record={record} labels={labels} locale={locale} />
      </div>
      <p className="plan__change">
        <a href={tool.href}>
          {labels['plan.change']}
          <span className="visually-hidden">
            : <span {...words}>{promptOf(tool)}</span>
          </span>
        </a>
      </p>
    </div>
  );
}
