/**
 * The mention sweep on an entity page: every sentence that names the entity (its name, an alias,
 * or a near spelling of one, as the host's findMentions reports) and is not yet inside a claim
 * tagged with it, one row per sentence with each match emphasised. Whole names come first; a
 * surname alone, or one next to another entity's given name, is marked "ambiguous" and names the
 * other candidate. "Make claim" makes a claim of the whole sentence, tagged with the entity (it
 * then leaves the list); "Open in reader" shows it there.
 */
import type { Mention, ReaderBridge } from '../../../core/api.ts';
import { plainText } from '../../../core/corpus/plain-text.ts';
import { h } from '../dom.ts';
import { errorMessage } from '../format.ts';
import type { EntitiesData } from './entities-data.ts';
import { documentTitle } from './entity-view.ts';
import { passagePieces } from './mention-context.ts';
import type { UndoToast } from './undo-toast.ts';

/**
 * Mentions drawn at first. A common name ("Turkmenistan") has hundreds in the sample corpus;
 * drawing them all costs a second and buries the list, so the rest wait behind a button.
 */
const FIRST_SHOWN = 60;

/** A row's place in the list: certain whole names, then surnames alone, then ambiguous rows. */
const rankOf = (m: Mention): number => (m.candidates.length ? 2 : m.full ? 0 : 1);

/** Which mention a row shows (stable across refreshes). */
const keyOf = (m: Mention): string => `${m.documentId}:${m.start}:${m.end}`;

/** Creates the sweep for one entity; `refresh()` asks the host again. */
export function createMentionSweep(deps: {
  reader: ReaderBridge;
  data: EntitiesData;
  entityId: string;
  showPassage(documentId: string, start: number, end: number): void;
  undoToast: UndoToast;
  toast(message: string): void;
}): { el: HTMLElement; refresh(): void; dispose(): void } {
  const { reader, data, entityId } = deps;
  const titleId = `mention-sweep-${entityId}`;
  const title = h('h4', { class: 'entity-section-title', id: titleId }, 'Mentions not yet claimed');
  const note = h('p', { class: 'mention-note' });
  const body = h('div', { class: 'mention-list', 'aria-busy': 'true' });
  const el = h('section', { class: 'entity-section mention-sweep', 'aria-labelledby': titleId }, title, note, body);
  /** Plain texts by document id and content hash (they only change when the corpus does). */
  const texts = new Map<string, Promise<string>>();
  let seq = 0;
  let disposed = false;
  let showAll = false;
  /** Mentions not yet claimed, in all and per document (also those not drawn yet). */
  let total = 0;
  let perDoc = new Map<string, number>();

  const textOf = (documentId: string): Promise<string> => {
    const key = `${documentId}@${data.documents().find((d) => d.id === documentId)?.contentHash ?? ''}`;
    let t = texts.get(key);
    if (!t) {
      t = reader.getDocument(documentId).then((m) => plainText(m));
      t.catch(() => texts.delete(key));
      texts.set(key, t);
    }
    return t;
  };

  const makeClaim = async (m: Mention, li: HTMLElement, button: HTMLButtonElement): Promise<void> => {
    button.disabled = true;
    try {
      const kind = data.kinds().some((k) => k.id === 'claim') ? 'claim' : data.kinds()[0]?.id ?? 'claim';
      await reader.createClaim({ documentId: m.documentId, start: m.sentence.start, end: m.sentence.end, entityIds: [entityId], kind });
      const next = (li.nextElementSibling ?? li.previousElementSibling)?.querySelector<HTMLElement>('.mention-make');
      const group = li.parentElement?.closest('.mention-group');
      li.remove();
      if (group && !group.querySelector('.mention')) group.remove();
      total -= 1;
      perDoc.set(m.documentId, (perDoc.get(m.documentId) ?? 1) - 1);
      updateCounts();
      (next ?? title).focus();
      const name = data.entity(entityId)?.name ?? 'the entity';
      deps.undoToast.show(`Made a claim of the sentence naming “${m.text}”, tagged “${name}”.`);
    } catch (err) {
      button.disabled = false;
      deps.toast(`Could not make the claim: ${errorMessage(err)}`);
    }
  };

  const row = (m: Mention, text: string): HTMLElement => {
    const pieces = passagePieces(text, m.sentence, [m, ...m.more]);
    const near = m.distance > 0;
    const ambiguous = m.candidates.length > 0;
    const make = h('button', { type: 'button', class: 'entities-button small mention-make', title: 'A claim of the whole sentence, tagged with this entity' }, 'Make claim');
    const li = h('li', { class: `mention${near ? ' near' : ''}${ambiguous ? ' ambiguous' : ''}${m.full ? ' full' : ''}`, 'data-key': keyOf(m) },
      h('p', { class: 'mention-context' }, ...pieces.map((p) => (p.mark ? h('mark', {}, p.text) : p.text))),
      h('p', { class: 'mention-meta' },
        m.paragraph !== null ? h('span', { class: 'locator' }, `¶ ${m.paragraph}`) : null,
        h('span', {}, `matches “${m.matched}”`),
        m.full ? null : h('span', { class: 'part-badge', title: 'Only part of the name (a surname or a given name alone)' }, 'part of name'),
        near ? h('span', { class: 'near-badge', title: `${m.distance} letter${m.distance === 1 ? '' : 's'} different from “${m.matched}”` },
          'near spelling') : null,
        ...m.candidates.map((c) => h('span', { class: 'ambiguous-badge', title: c.reason },
          `ambiguous: could be ${c.name}, ${c.reason}`))),
      h('div', { class: 'mention-actions' }, make,
        h('button', { type: 'button', class: 'entities-button small', onclick: () => deps.showPassage(m.documentId, m.start, m.end) }, 'Open in reader')));
    make.addEventListener('click', () => void makeClaim(m, li, make));
    return li;
  };

  const updateCounts = (): void => {
    title.textContent = `Mentions not yet claimed (${total})`;
    for (const g of body.querySelectorAll<HTMLElement>('.mention-group')) {
      const count = g.querySelector('.entity-source-count');
      if (count) count.textContent = String(perDoc.get(g.dataset.documentId!) ?? 0);
    }
    if (!total) body.replaceChildren(h('p', { class: 'panel-empty' }, 'Every passage naming it is in a claim tagged with it.'));
  };

  const refresh = async (): Promise<void> => {
    const mine = ++seq;
    const entity = data.entity(entityId);
    if (!entity) { el.hidden = true; return; }
    el.hidden = false;
    note.textContent = `Passages naming “${entity.name}”${entity.aliases.length ? ' or an alias' : ''}, or a near spelling, outside its claims.`;
    body.setAttribute('aria-busy', 'true');
    let mentions: Mention[];
    const byDoc = new Map<string, string>();
    try {
      mentions = await reader.findMentions(entityId);
      for (const id of new Set(mentions.map((m) => m.documentId))) byDoc.set(id, await textOf(id));
    } catch (err) {
      if (mine !== seq || disposed) return;
      body.removeAttribute('aria-busy');
      body.replaceChildren(h('p', { class: 'panel-empty' }, `Could not look for mentions: ${errorMessage(err)}`));
      return;
    }
    if (mine !== seq || disposed) return;
    const focusedKey = (document.activeElement?.closest('.mention') as HTMLElement | null)?.dataset.key;
    const focusedClass = document.activeElement?.classList.contains('mention-make') ? '.mention-make' : '.entities-button:not(.mention-make)';
    const order = new Map(data.documents().map((d, i) => [d.id, i]));
    const bestRank = new Map<string, number>();
    for (const m of mentions) bestRank.set(m.documentId, Math.min(bestRank.get(m.documentId) ?? 9, rankOf(m)));
    const groups = [...byDoc.keys()].sort((a, b) => bestRank.get(a)! - bestRank.get(b)! || (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
    total = mentions.length;
    perDoc = new Map();
    for (const m of mentions) perDoc.set(m.documentId, (perDoc.get(m.documentId) ?? 0) + 1);
    let budget = showAll ? Infinity : FIRST_SHOWN;
    const sections: HTMLElement[] = [];
    for (const docId of groups) {
      if (budget <= 0) break;
      const ms = mentions.filter((m) => m.documentId === docId).sort((a, b) => rankOf(a) - rankOf(b) || a.start - b.start).slice(0, budget);
      budget -= ms.length;
      sections.push(h('section', { class: 'mention-group', 'data-document-id': docId },
        h('h5', { class: 'entity-source-title' }, h('span', {}, documentTitle(data.documents(), docId)), h('span', { class: 'entity-source-count' })),
        h('ul', {}, ...ms.map((m) => row(m, byDoc.get(docId)!)))));
    }
    body.replaceChildren(...sections);
    body.removeAttribute('aria-busy');
    updateCounts();
    const hidden = mentions.length - body.querySelectorAll('.mention').length;
    if (hidden > 0) {
      body.append(h('button', {
        type: 'button', class: 'entities-button mention-more',
        onclick: () => { showAll = true; void refresh(); },
      }, `Show ${hidden} more mention${hidden === 1 ? '' : 's'}`));
    }
    if (focusedKey) body.querySelector<HTMLElement>(`.mention[data-key="${CSS.escape(focusedKey)}"] ${focusedClass}`)?.focus();
  };

  return { el, refresh: () => void refresh(), dispose: () => { disposed = true; } };
}
