/**
 * Suggested questions as chips that ask when clicked: starters built from a
 * dataset's columns (by kind, in the interface's language), and the
 * suggestions an answer carries.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { IColumnProfile, IDatasetDetail } from './api';

/**
 * A few questions about a dataset that the offline analyst answers, built
 * from its real columns: numbers by category, a distribution, a trend over
 * time, a relationship, counts, missing values.
 *
 * @param detail - the dataset with its profile.
 * @param trans - the interface's translations (the questions' language).
 * @returns at most four questions.
 */
export function starterQuestions(
  detail: IDatasetDetail,
  trans: TranslationBundle
): string[] {
  const columns = detail.profile.column_profiles;
  const of = (kind: string): IColumnProfile[] =>
    columns.filter(c => c.kind === kind);
  const numbers = of('numeric');
  // Few categories read best in a chart.
  const categories = of('categorical').sort(
    (a, b) => (a.distinct ?? 0) - (b.distinct ?? 0)
  );
  const times = of('datetime');
  const questions: string[] = [];
  if (numbers.length && categories.length) {
    questions.push(
      trans.__('Average %1 by %2', numbers[0].name, categories[0].name)
    );
  }
  if (numbers.length && times.length) {
    questions.push(trans.__('Trend of %1 over time', numbers[0].name));
  }
  if (numbers.length >= 2) {
    questions.push(
      trans.__(
        'Relationship between %1 and %2',
        numbers[0].name,
        numbers[1].name
      )
    );
  }
  if (numbers.length) {
    questions.push(
      trans.__('Distribution of %1', numbers[numbers.length > 1 ? 1 : 0].name)
    );
  }
  if (categories.length) {
    questions.push(trans.__('How many rows per %1?', categories[0].name));
  }
  questions.push(trans.__('Are there missing values?'));
  return questions.slice(0, 4);
}

/** Clickable suggested questions. */
export function QuestionChips(props: {
  questions: string[];
  label: string;
  disabled: boolean;
  onAsk: (question: string) => void;
}): JSX.Element | null {
  if (props.questions.length === 0) {
    return null;
  }
  return (
    <div className="jp-vista-suggestions" role="group" aria-label={props.label}>
      <span className="jp-vista-suggestions-label">{props.label}</span>
      {props.questions.map(question => (
        <button
          key={question}
          type="button"
          className="jp-vista-suggestion"
          disabled={props.disabled}
          onClick={() => props.onAsk(question)}
        >
          {question}
        </button>
      ))}
    </div>
  );
}
