import { useId } from 'react';
import type { CompareEntity, CompareResult } from '@contract';
import { entityTypeText } from '@shared/compare';
import { ConflictList } from './ConflictList';

/** The entity's type; a guessed one reads "person?" and says why on hover and on keyboard focus. */
function EntityType({ entity }: { entity: CompareEntity }) {
  const tipId = useId();
  const t = entityTypeText(entity);
  if (!t.uncertain) return <>{t.text}</>;
  return (
    <span className="entity-type entity-type--uncertain" tabIndex={0} aria-describedby={tipId}>
      {t.text}
      <span role="tooltip" id={tipId} className="entity-type__why">
        {t.why}
      </span>
    </span>
  );
}

/** Names with every spelling and the outlets using it; entities in a conflict are flagged, guessed types marked. */
export function EntitiesTable({ result }: { result: CompareResult }) {
  const { articles, entities, conflicts, differs } = result;
  const label = (id: string) => articles.find((a) => a.id === id)?.label ?? id;
  const flagged = new Map<string, string>();
  for (const c of conflicts) for (const r of c.refs) flagged.set(r, c.description);
  return (
    <div>
      <ConflictList conflicts={conflicts} differs={differs} articles={articles} />
      <table className="matrix entities" aria-label="Names">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Roles</th>
            <th scope="col">Spellings and outlets</th>
          </tr>
        </thead>
        <tbody>
          {entities.map((e) => (
            <tr key={e.id} className={flagged.has(e.id) ? 'entity--conflict' : undefined}>
              <th scope="row" dir="auto">
                {flagged.has(e.id) && (
                  <span className="conflict-flag" role="img" aria-label={`Conflict: ${flagged.get(e.id)}`} title={flagged.get(e.id)}>
                    ⚑{' '}
                  </span>
                )}
                {e.name}
              </th>
              <td>
                <EntityType entity={e} />
              </td>
              <td>{e.roles.join('; ')}</td>
              <td>
                <ul className="variants">
                  {e.variants.map((v) => (
                    <li key={v.form} className={v.partial ? 'variant--partial' : undefined}>
                      <span dir="auto" className="variant__form">
                        {v.form}
                      </span>
                      {v.partial && <span className="visually-hidden"> (short form)</span>}{' '}
                      <span className="variant__outlets">{v.articles.map(label).join(', ')}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
