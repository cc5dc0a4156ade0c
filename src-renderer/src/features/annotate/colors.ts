import type { HighlightColor } from '@contract';
import { highlightColors } from '@shared/annotations';

export const colorLabels: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
  orange: 'Orange',
};
export { highlightColors };
