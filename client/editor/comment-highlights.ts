import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { rangeOfAnchor } from './anchors';

/** A stretch of text to mark: a comment's words, the comment chosen now, or words being commented on. */
export interface Highlight {
  id: string;
  start: string;
  end: string;
  kind: 'comment' | 'active' | 'draft';
}

interface HighlightState {
  highlights: Highlight[];
  decorations: DecorationSet;
  /** Where each highlight is now (absent when its words were deleted). */
  ranges: Map<string, { from: number; to: number }>;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('dtCommentHighlights');

const classes: Record<Highlight['kind'], string> = {
  comment: 'dt-comment-mark',
  active: 'dt-comment-mark dt-comment-mark--active',
  draft: 'dt-comment-mark dt-comment-mark--draft',
};

function build(state: EditorState, highlights: Highlight[]): Pick<HighlightState, 'decorations' | 'ranges'> {
  const ranges = new Map<string, { from: number; to: number }>();
  const decorations: Decoration[] = [];
  for (const h of highlights) {
    const range = rangeOfAnchor(state, h.start, h.end);
    if (!range) continue;
    ranges.set(h.id, range);
    decorations.push(Decoration.inline(range.from, range.to, { nodeName: 'mark', class: classes[h.kind], 'data-comment-id': h.id }));
  }
  return { decorations: DecorationSet.create(state.doc, decorations), ranges };
}

function remap(value: HighlightState, tr: Transaction): HighlightState {
  const ranges = new Map<string, { from: number; to: number }>();
  for (const [id, r] of value.ranges) {
    const from = tr.mapping.map(r.from, 1);
    const to = tr.mapping.map(r.to, -1);
    if (from < to) ranges.set(id, { from, to });
  }
  return { highlights: value.highlights, decorations: value.decorations.map(tr.mapping, tr.doc), ranges };
}

/**
 * Marks the words comments are anchored to. Anchors are resolved from their Yjs positions when
 * the highlights change and whenever the text changes from Yjs (someone else typed, or the first
 * render); a local edit maps the marks along, since the Yjs document follows it only afterwards.
 */
export const CommentHighlights = Extension.create({
  name: 'commentHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ highlights: [], decorations: DecorationSet.empty, ranges: new Map() }),
          apply(tr, value, _old, newState) {
            const set = tr.getMeta(commentHighlightsKey) as Highlight[] | undefined;
            const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
            if (set) return { highlights: set, ...build(newState, set) };
            if (sync?.isChangeOrigin) return { highlights: value.highlights, ...build(newState, value.highlights) };
            if (tr.docChanged) return remap(value, tr);
            return value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});

/** True when the highlight is known here but its words are no longer in the text. */
export function highlightGone(state: EditorState, id: string): boolean {
  const value = commentHighlightsKey.getState(state);
  return Boolean(value && value.highlights.some((h) => h.id === id) && !value.ranges.has(id));
}
