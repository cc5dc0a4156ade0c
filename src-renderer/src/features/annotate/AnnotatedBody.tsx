import '../../styles/annotate.css';
import { useMemo } from 'react';
import type { Block } from '@contract';
import type { TextMark } from '../../lib/text-marks';
import { ArticleBody } from '../reader/ArticleBody';
import { SelectionToolbar } from './SelectionToolbar';
import type { Annotator } from './use-annotator';

type Props = {
  annotator: Annotator;
  blocks: Block[];
  showBoilerplate: boolean;
  articleLang: string | null;
  /** Other marks to lay over the text with the highlights (search hits). */
  marks?: TextMark[];
};

/** The article body with its highlights, and the toolbar that appears over a selection. */
export function AnnotatedBody({ annotator, blocks, showBoilerplate, articleLang, marks }: Props) {
  const all = useMemo(() => (marks?.length ? [...annotator.marks, ...marks] : annotator.marks), [annotator.marks, marks]);
  return (
    <div ref={annotator.bodyRef} className="annotated-body" onClick={annotator.onBodyClick}>
      <ArticleBody blocks={blocks} showBoilerplate={showBoilerplate} articleLang={articleLang} marks={all} />
      <SelectionToolbar annotator={annotator} />
    </div>
  );
}
