/** A check-in in My plan and at the end of a session: each question's answers over time. */
import { checkIns } from 'virtual:waymark/features';
import type { AnswerProps } from '../tool';
import type { ToolKind } from '../values';
import { CheckInChart } from './CheckInChart';

/** The kinds this view shows (`src/tools/AnswerValue.tsx` finds it by them). */
const kinds = ['checkin'] as const satisfies readonly ToolKind[];

export default function CheckInAnswer({ tool, value, labels, locale }: AnswerProps<(typeof kinds)[number]>) {
  // Check-ins switched off in site.yaml: the chart and its code are left out.
  if (!checkIns) return null;
  const questions = tool.items.length ? tool.items : [tool.prompt];
  return (
    <div className="plan__charts">
      {questions.map((question, index) => (
        <CheckInChart key={question} question={question} index={index} scale={tool.scale} entries={value.entries} labels={labels} locale={locale} />
      ))}
    </div>
  );
}
CheckInAnswer.kinds = kinds;
