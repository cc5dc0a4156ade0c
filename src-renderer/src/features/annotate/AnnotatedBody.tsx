import '../../styles/annotate.css';
import type { Block } from '@contract';
import { ArticleBody } from '../reader/ArticleBody';
import { SelectionToolbar } from './SelectionToolbar';
import type { Annotator } from './use-annotator';

type Props = { annotator: Annotator; blocks: Block[]; showBoilerplate: boolean; articleLang: string | null };

/** The article body with its highlights, and the toolbar that appears over a selection. */
export function AnnotatedBody({ annotator, blocks, showBoilerplate, articleLang }: Props) {
  return (
    <div ref={annotator.bodyRef} className="annotated-body" onClick={annotator.onBodyClick}>
      <ArticleBody blocks={blocks} showBoilerplate={showBoilerplate} articleLang={articleLang} marks={annotator.marks} />
      <SelectionToolbar annotator={annotator} />
    </div>
  );
}
