/**
 * My plan: everything a person saved, gathered by part of the plan and by module, each with a
 * link back to change it; check-in history as charts with tables; print; and their data controls.
 */
import { hasAnswer, type StoredRecord } from '../../device/schema';
import { AnswerValue } from '../../tools/AnswerValue';
import { fill, formatDay, localDay } from '../../tools/labels';
import { planSections } from '../../tools/planlist/sections';
import type { ToolDefinition } from '../../tools/tool';
import { useStore } from '../../tools/useRecord';
import { LockScreen } from '../LockScreen';
import { reminders } from 'virtual:waymark/features';
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

  const answered = (tool: PlanTool) => {
    const record = store.get(tool.id);
    return record && record.kind === tool.kind && hasAnswer(record) ? record : undefined;
  };
  const allTools = modules.flatMap((module) => module.tools);
  const planTools = allTools.filter((tool) => tool.kind === 'planlist' && answered(tool));
  const modulesWithAnswers = modules
    .map((module) => ({ ...module, tools: module.tools.filter((tool) => tool.kind !== 'planlist' && answered(tool)) }))
    .filter((module) => module.tools.length > 0);
  const empty = planTools.length === 0 && modulesWithAnswers.length === 0;

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
          {planTools.length > 0 && (
            <section aria-labelledby="plan-sections">
              <h2 id="plan-sections">{labels['plan.sectionsHeading']}</h2>
              {planSections.map((section) => {
                const tools = planTools.filter((tool) => tool.section === section);
                if (tools.length === 0) return null;
                return (
                  <section key={section} className="plan__section" aria-labelledby={`section-${section}`}>
                    <h3 id={`section-${section}`}>{labels[`plan.section.${section}`]}</h3>
                    {tools.map((tool) => (
                      <Answer key={tool.id} tool={tool} record={answered(tool)!} labels={labels} locale={locale} />
                    ))}
                  </section>
                );
              })}
            </section>
          )}
          {modulesWithAnswers.length > 0 && (
            <section aria-labelledby="by-module">
              <h2 id="by-module">{labels['plan.byModule']}</h2>
              {modulesWithAnswers.map((module) => (
                <section key={module.slug} className="plan__module" aria-labelledby={`module-${module.slug}`}>
                  <h3 id={`module-${module.slug}`}>{module.title}</h3>
                  {module.tools.map((tool) => (
                    <Answer key={tool.id} tool={tool} record={answered(tool)!} labels={labels} locale={locale} heading />
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

function Answer({
  tool,
  record,
  labels,
  locale,
  heading,
}: {
  tool: PlanTool;
  record: StoredRecord;
  labels: Props['labels'];
  locale: string;
  heading?: boolean;
}) {
  return (
    <div className="plan__answer">
      {heading && <h4>{tool.prompt || tool.items[0]}</h4>}
      <AnswerValue tool={tool} record={record} labels={labels} locale={locale} />
      <p className="plan__change">
        <a href={tool.href}>
          {labels['plan.change']}
          <span className="visually-hidden">: {tool.prompt || tool.items[0]}</span>
        </a>
      </p>
    </div>
  );
}
