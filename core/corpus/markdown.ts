import type { FormatReading } from './parse.ts';
export function readMarkdown(text: string): FormatReading { return { blocks: [{ kind: 'paragraph', text }], notes: [], title: null }; }
