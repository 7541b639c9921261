import * as Y from 'yjs';
import { clauseFragmentName } from './agreement';

/*
 * A clause's text is a ProseMirror document in a Y.XmlFragment (TipTap's Yjs binding):
 * block elements (paragraph, heading, lists, tables) holding Y.XmlText. These helpers read and
 * write it without an editor, for the server (versions, amendments) and for comparisons.
 */

export function clauseFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(clauseFragmentName);
}

function textOf(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert: unknown }>).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('');
}

/** The blocks of text in document order: each paragraph, heading, list item or table cell is one line. */
function blocks(node: Y.XmlFragment | Y.XmlElement, out: string[]): void {
  let inline = '';
  let hasInline = false;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      inline += textOf(child);
      hasInline = true;
    } else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') {
        inline += '\n';
        hasInline = true;
      } else blocks(child, out);
    }
  }
  if (hasInline || (node instanceof Y.XmlElement && node.length === 0 && node.nodeName === 'paragraph')) out.push(inline);
}

/** The clause's text as plain text, one line per block; what comparisons and quotes work on. */
function fragmentText(fragment: Y.XmlFragment): string {
  const out: string[] = [];
  blocks(fragment, out);
  return out.join('\n');
}

export function documentText(doc: Y.Doc): string {
  return fragmentText(clauseFragment(doc));
}

/** Paragraphs of plain text as ProseMirror paragraphs (not yet in a document). */
export function paragraphsOf(text: string): Y.XmlElement[] {
  const lines = text.replace(/\r\n?/g, '\n').split(/\n+/).map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.map((line) => {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(line)]);
    return paragraph;
  });
}

/** Replaces the whole content of the fragment; call inside a transaction. */
export function replaceContent(fragment: Y.XmlFragment, content: Array<Y.XmlElement | Y.XmlText>): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  if (content.length > 0) fragment.insert(0, content);
}

/** Copies of another document's blocks, to put into this one (restoring a version is a new edit). */
export function cloneContent(source: Y.XmlFragment): Array<Y.XmlElement | Y.XmlText> {
  return source.toArray().flatMap((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? [node.clone()] : []));
}

export function encodePosition(position: Y.RelativePosition): string {
  const bytes = Y.encodeRelativePosition(position);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Null when the text is not an encoded relative position. */
export function decodePosition(encoded: string): Y.RelativePosition | null {
  try {
    const binary = atob(encoded);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

/**
 * Where an anchor is now: the text node holding it and the offsets in it, or null when the
 * words it covered were removed or it now spans more than one block.
 */
export function resolveAnchor(doc: Y.Doc, anchor: { start: string; end: string }): { text: Y.XmlText; from: number; to: number } | null {
  const start = decodePosition(anchor.start);
  const end = decodePosition(anchor.end);
  if (!start || !end) return null;
  let a: Y.AbsolutePosition | null;
  let b: Y.AbsolutePosition | null;
  try {
    a = Y.createAbsolutePositionFromRelativePosition(start, doc);
    b = Y.createAbsolutePositionFromRelativePosition(end, doc);
  } catch {
    // A position that decodes but points nowhere sensible: as if its words were gone.
    return null;
  }
  if (!a || !b || a.type !== b.type || !(a.type instanceof Y.XmlText) || b.index < a.index) return null;
  return { text: a.type, from: a.index, to: b.index };
}

/** The words an anchor covers now ('' when they were edited away). */
export function anchoredText(doc: Y.Doc, anchor: { start: string; end: string }): string | null {
  const resolved = resolveAnchor(doc, anchor);
  if (!resolved) return null;
  return textOf(resolved.text).slice(resolved.from, resolved.to);
}
