import type { CompareResult } from '@contract';

/**
 * Quotes in different languages that may translate each other (CompareResult.translations): offered, never
 * asserted, with what links them and how many other quotes were as well linked.
 */
export function TranslationList({ result }: { result: CompareResult }) {
  const pairs = result.translations ?? [];
  if (!pairs.length) return null;
  const label = (id: string) => result.articles.find((a) => a.id === id)?.label ?? id;
  const short = (t: string) => (t.length > 140 ? `${t.slice(0, 139)}…` : t);
  return (
    <section className="translations" aria-label="Possible translations">
      <h3>Possible translations</h3>
      <ul>
        {pairs.map((p, i) => (
          <li key={i} className="translation">
            <span className="align-badge">possible translation</span>
            <blockquote dir="auto" lang={p.a.lang}>
              {short(p.a.text)} <cite>— {label(p.a.article)}</cite>
            </blockquote>
            <blockquote dir="auto" lang={p.b.lang}>
              {short(p.b.text)} <cite>— {label(p.b.article)}</cite>
            </blockquote>
            <p className="translation__why">
              {[
                p.speaker ? `same speaker (${p.speaker})` : null,
                p.names.length ? `shared names: ${p.names.join(', ')}` : null,
                p.figures.length ? `shared figures: ${p.figures.join(', ')}` : null,
              ]
                .filter(Boolean)
                .join('; ')}
              {p.alternatives > 0 ? `. ${p.alternatives} other quote(s) are as well linked: this is a guess among them.` : '.'}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
