import type { HighlightColor } from '../../contract';

/**
 * Highlight colours that read well on paper and on screen (the same hues as the reader's): the HTML report
 * and the W3C export's stylesheets. Apart from the report, so reading W3C files (an import) never loads it.
 */
export const highlightHex: Record<HighlightColor, string> = {
  yellow: '#fff3a3',
  green: '#c8f0c0',
  blue: '#cfe3ff',
  pink: '#ffd3e4',
  purple: '#e5d6ff',
  orange: '#ffdcb8',
};
