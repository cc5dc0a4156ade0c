/**
 * Function words of the languages a question is most often typed in. When no article has every word of a
 * question, the relaxed ranking ("most of the words") leaves these out: "what", "how" or "must" are rare
 * in article text, so BM25 would weigh them as telling words and rank articles that merely ask a question.
 * The list is lunr's English list (itself from Snowball's), folded as the index folds words.
 */
const ENGLISH =
  'a able about across after all almost also am among an and any are as at be because been but by can cannot could dear did do does either else ever every for from get got had has have he her hers him his how however i if in into is it its just least let like likely may me might most must my neither no nor not of off often on only or other our own rather said say says she should since so some than that the their them then there these they this tis to too twas us wants was we were what when where which while who whom why will with would yet you your';

const STOP = new Set(ENGLISH.split(' '));

/** Is this (folded, unstemmed) term a function word? */
export const isStopWord = (term: string): boolean => STOP.has(term);
