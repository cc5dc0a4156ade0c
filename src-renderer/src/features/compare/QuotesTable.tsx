import type { CompareResult } from '@contract';
import { TranslationList } from './TranslationList';

/** Each quote with its variants side by side, one column per outlet; paraphrases are marked "reported". */
export function QuotesTable({ result }: { result: CompareResult }) {
  const { articles, quotes } = result;
  if (!quotes.length) return <p className="empty-state">No quotes found.</p>;
  return (
    <>
      <table className="matrix quotes" aria-label="Quotes">
        <thead>
          <tr>
            <th scope="col">Speaker</th>
            {articles.map((a) => (
              <th key={a.id} scope="col" title={a.title}>
                {a.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {quotes.map((q) => (
            <tr key={q.id}>
              <th scope="row" dir="auto">
                {q.speaker ?? 'Unknown speaker'}
                <span className="matrix__count" title={`${q.articles.length} outlet(s)`}>
                  {q.articles.length}
                </span>
              </th>
              {articles.map((a) => (
                <td key={a.id} dir="auto">
                  {q.variants
                    .filter((v) => v.article === a.id)
                    .map((v, i) => (
                      <blockquote key={i} className={`quote quote--${v.kind}`} dir="auto">
                        {v.kind === 'reported' ? (
                          <span className="align-badge">reported</span>
                        ) : v.kind === 'post' ? (
                          <span className="align-badge">post</span>
                        ) : null}{' '}
                        {v.kind === 'direct' ? `“${v.text}”` : v.text}
                        {v.speaker && <cite dir="auto"> — {v.speaker}</cite>}
                      </blockquote>
                    ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <TranslationList result={result} />
    </>
  );
}
