import type { Claim, CompareEntity } from '../../contract';
import type { EntityMention } from './entities';

/**
 * Each claim with the entities its passages name (from the entity clustering's mentions, not from a second
 * reading of the text), so the coverage matrix can show only the claims about one person, place or body.
 */
export function claimsWithEntities(
  claims: Claim[],
  mentions: Array<Pick<EntityMention, 'article' | 'sentence' | 'entity'>>,
  entities: CompareEntity[],
  articleIds: string[],
): Claim[] {
  const named = new Map<string, Set<string>>();
  for (const m of mentions) {
    const id = entities[m.entity]?.id;
    if (!id || m.sentence < 0) continue;
    const k = `${articleIds[m.article]}:${m.sentence}`;
    (named.get(k) ?? named.set(k, new Set()).get(k)!).add(id);
  }
  return claims.map((c) => {
    const ids = new Set(c.passages.flatMap((p) => [...(named.get(`${p.article}:${p.sentence}`) ?? [])]));
    return { ...c, entities: [...ids].sort() };
  });
}
