import type { EditorState } from '@tiptap/pm/state';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { decodePosition, encodePosition } from '../../shared/domain/clause-text';

/*
 * Comments and proposals point at words in the text with Yjs relative positions: they stay on
 * the same words while others type before or inside them. These helpers translate between
 * ProseMirror positions (what the editor shows) and those anchors, through the Yjs binding.
 */

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
}

function syncState(state: EditorState): (SyncState & { binding: { mapping: Map<unknown, unknown> } }) | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  // Before the first render from Yjs the mapping is empty and positions cannot be resolved.
  if (!sync?.binding || !sync.doc || !sync.type || sync.binding.mapping.size === 0) return null;
  return sync as SyncState & { binding: { mapping: Map<unknown, unknown> } };
}

/** Longest quote the server takes (see shared/schemas/agreement). */
const maxQuote = 2000;

export interface TextAnchorParts {
  start: string;
  end: string;
  /** The words as they are now, one line per block. */
  quote: string;
}

function quoteOf(state: EditorState, from: number, to: number): string {
  const text = state.doc.textBetween(from, to, '\n', ' ').replace(/[ \t]+/g, ' ').trim();
  return text.length > maxQuote ? `${text.slice(0, maxQuote - 1)}…` : text;
}

/** An anchor on the range from..to, or null when the range holds no text or the document is not bound yet. */
export function anchorForRange(state: EditorState, from: number, to: number): TextAnchorParts | null {
  const sync = syncState(state);
  if (!sync || from >= to) return null;
  const quote = quoteOf(state, from, to);
  if (!quote) return null;
  const start = absolutePositionToRelativePosition(from, sync.type, sync.binding.mapping as never) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, sync.type, sync.binding.mapping as never) as Y.RelativePosition;
  return { start: encodePosition(start), end: encodePosition(end), quote };
}

/** Where an anchor's words are now, or null when they were deleted (or cannot be found). */
export function rangeOfAnchor(state: EditorState, start: string, end: string): { from: number; to: number } | null {
  const sync = syncState(state);
  if (!sync) return null;
  const startPosition = decodePosition(start);
  const endPosition = decodePosition(end);
  if (!startPosition || !endPosition) return null;
  try {
    const from = relativePositionToAbsolutePosition(sync.doc, sync.type, startPosition, sync.binding.mapping as never);
    const to = relativePositionToAbsolutePosition(sync.doc, sync.type, endPosition, sync.binding.mapping as never);
    if (from === null || to === null) return null;
    const size = state.doc.content.size;
    const a = Math.max(0, Math.min(from, size));
    const b = Math.max(0, Math.min(to, size));
    return a < b ? { from: a, to: b } : null;
  } catch {
    // A position in a part of the document this editor has not rendered (yet).
    return null;
  }
}

/** The blocks of text (paragraphs, headings, list items, table cells) with their ranges: to comment on one without selecting. */
export function textBlocks(state: EditorState): Array<{ from: number; to: number; text: string }> {
  const blocks: Array<{ from: number; to: number; text: string }> = [];
  state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const text = node.textContent.trim();
    if (text) blocks.push({ from: pos + 1, to: pos + 1 + node.content.size, text });
    return false;
  });
  return blocks;
}
