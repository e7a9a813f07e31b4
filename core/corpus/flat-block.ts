/**
 * The flat block sequence each format reader (plain text, Markdown, HTML) produces: text still
 * raw (markers such as `[12]` and `[footnoteRef:3]` not yet turned into inlines), headings with
 * their level. sections.ts turns it into the nested document model.
 */
export type FlatBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'paragraph'; text: string }
  /** A list item; adjacent items with the same `list` number form one list. */
  | { kind: 'item'; text: string; list: number };
