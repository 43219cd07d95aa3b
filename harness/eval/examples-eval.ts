import { readFileSync } from 'node:fs';
import type { ExamplesAnswer, ExamplesOptions } from '../../src/core/examples.js';

/** One judged question of test/eval/examples.json. */
export interface ExampleQuestion extends Omit<ExamplesOptions, 'limit'> {
  id: string;
  query: string;
  /** `docPath#anchor` (any block of the section) or `docPath#anchor › Title` (one block). */
  relevant: string[];
  note?: string;
  /** `holdout`: judged before tuning and never tuned on; reported apart. */
  split?: 'holdout';
}

export interface ExampleJudgement {
  id: string;
  question: ExampleQuestion;
  /** `docPath#anchor › title` of the first code block shown, if any. */
  first?: string;
  /** The first code block is relevant, or there is none and none exists. */
  right: boolean;
  shown: number;
  relevantShown: number;
}

export interface ExamplesReport {
  questions: number;
  /** Share of questions whose first code block is relevant (an empty answer is right only when nothing exists). */
  firstRelevant: number;
  /** Share of all code blocks shown that are relevant. */
  precision: number;
  /** Code blocks shown per question. */
  blocksPerAnswer: number;
  judgements: ExampleJudgement[];
}

export function loadExampleQuestions(
  file = new URL('../../test/eval/examples.json', import.meta.url),
): ExampleQuestion[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { questions: ExampleQuestion[] }).questions;
}

/** The questions tuned on, and the held-out ones (judged first, never tuned on). */
export function splitQuestions(questions: ExampleQuestion[]): {
  tuned: ExampleQuestion[];
  holdout: ExampleQuestion[];
} {
  return {
    tuned: questions.filter((q) => q.split !== 'holdout'),
    holdout: questions.filter((q) => q.split === 'holdout'),
  };
}

function isRelevant(
  q: ExampleQuestion,
  block: { docPath: string; sectionAnchor: string; title: string },
): boolean {
  const section = `${block.docPath}#${block.sectionAnchor}`;
  return q.relevant.some((r) => r === section || r === `${section} › ${block.title}`);
}

/** Judges each answer against the judged set. */
export function judgeExamples(
  questions: ExampleQuestion[],
  answer: (q: ExampleQuestion) => ExamplesAnswer,
): ExamplesReport {
  const judgements = questions.map((q): ExampleJudgement => {
    const { examples } = answer(q);
    const first = examples[0];
    const relevantShown = examples.filter((e) => isRelevant(q, e)).length;
    return {
      id: q.id,
      question: q,
      first: first && `${first.docPath}#${first.sectionAnchor} › ${first.title}`,
      right: first ? isRelevant(q, first) : q.relevant.length === 0,
      shown: examples.length,
      relevantShown,
    };
  });
  const shown = judgements.reduce((n, j) => n + j.shown, 0);
  return {
    questions: judgements.length,
    firstRelevant: judgements.filter((j) => j.right).length / Math.max(1, judgements.length),
    precision: shown === 0 ? 0 : judgements.reduce((n, j) => n + j.relevantShown, 0) / shown,
    blocksPerAnswer: shown / Math.max(1, judgements.length),
    judgements,
  };
}
