import type { Block } from '@contract';
import { formatDate } from '../../lib/format';
import type { TextMark } from '../../lib/text-marks';
import { MarkedText } from './MarkedText';

type Props = { blocks: Block[]; showBoilerplate: boolean; articleLang: string | null; marks?: TextMark[] };

function PostBlock({ block, marks }: { block: Block; marks: TextMark[] }) {
  const post = block.post!;
  return (
    <figure className="post" data-block-start={block.start ?? undefined} lang={block.lang ?? undefined}>
      <blockquote className="post__text" dir="auto">
        <p dir="auto">
          <MarkedText text={post.text} start={block.start} marks={marks} />
        </p>
      </blockquote>
      <figcaption className="post__by">
        <span className="post__author" dir="auto">
          {post.author ?? 'Unknown author'}
        </span>
        {post.handle && <span className="post__handle">@{post.handle}</span>}
        {post.date && <time dateTime={post.date}>{formatDate(post.date)}</time>}
        {post.url && <span className="post__link">{post.url.replace(/^https?:\/\//, '')}</span>}
      </figcaption>
    </figure>
  );
}

/** Boilerplate and header lines, shown only on request and clearly marked as not part of the article. */
function RemovedLine({ block }: { block: Block }) {
  const label = block.kind === 'meta' ? 'Metadata' : 'Boilerplate';
  return (
    <p className={`removed removed--${block.kind}`} dir="auto" data-kind={block.kind}>
      <span className="removed__label">
        {label}: {block.reason}
      </span>{' '}
      <span className="removed__text">{block.text}</span>
    </p>
  );
}

/** The clean text, block by block; `dir="auto"` on every block so Arabic and Turkish lines lay out by their own script. */
export function ArticleBody({ blocks, showBoilerplate, articleLang, marks = [] }: Props) {
  return (
    <div className="article-body" lang={articleLang ?? undefined}>
      {blocks.map((b, i) => {
        const key = `${i}-${b.kind}`;
        const lang = b.lang ?? undefined;
        switch (b.kind) {
          case 'boilerplate':
          case 'meta':
            return showBoilerplate ? <RemovedLine key={key} block={b} /> : null;
          case 'post':
            return <PostBlock key={key} block={b} marks={marks} />;
          case 'heading':
            return (
              <h2 key={key} dir="auto" lang={lang} className="article-body__heading" data-block-start={b.start ?? undefined}>
                <MarkedText text={b.text} start={b.start} marks={marks} />
              </h2>
            );
          case 'standfirst':
            return (
              <p key={key} dir="auto" lang={lang} className="article-body__standfirst" data-block-start={b.start ?? undefined}>
                <MarkedText text={b.text} start={b.start} marks={marks} />
              </p>
            );
          default:
            return (
              <p key={key} dir="auto" lang={lang} data-block-start={b.start ?? undefined}>
                <MarkedText text={b.text} start={b.start} marks={marks} />
              </p>
            );
        }
      })}
    </div>
  );
}
