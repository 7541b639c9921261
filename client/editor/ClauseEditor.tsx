import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef } from 'react';
import { clauseFragmentName } from '../../shared/domain/agreement';
import type { ClauseConnection } from './clause-connection';
import { takeInDomSelection } from './dom-selection';
import { CommentHighlights, commentHighlightsKey } from './comment-highlights';
import type { Highlight } from './comment-highlights';
import type { PresenceUser } from './presence-user';

export interface ClauseEditorProps {
  connection: ClauseConnection;
  user: PresenceUser;
  editable: boolean;
  /** The accessible name of the text, e.g. "Tekst van artikel 4, regionale tekst". */
  label: string;
  /** Ids of elements that describe the text (who may write, how to comment). */
  describedBy?: string;
  highlights: Highlight[];
  /** The editor once it exists, and null when it goes. */
  onEditor: (editor: Editor | null) => void;
  /** Ctrl+Alt+M (Cmd+Option+M): comment on the selection, as in other editors. */
  onCommentShortcut: () => void;
}

/** A person's caret: a coloured bar with their name, hidden from screen readers (the presence list names who is here). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'dt-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = String(user.color);
  const label = document.createElement('span');
  label.className = 'dt-caret__label';
  label.style.backgroundColor = String(user.color);
  label.textContent = String(user.name);
  caret.append(label);
  return caret;
}

function renderSelection(user: Record<string, unknown>) {
  // The group colour at 20% over white: black text on it keeps its contrast.
  return { nodeName: 'span', class: 'dt-remote-selection', style: `background-color: ${String(user.color)}33` };
}

/**
 * The text of one clause document, bound to its Yjs document: what anyone types appears for
 * everyone, with the others' carets and selections in their group's colour. Read-only unless
 * the person may write in the clause's current status (the server enforces that too).
 */
export function ClauseEditor({ connection, user, editable, label, describedBy, highlights, onEditor, onCommentShortcut }: ClauseEditorProps) {
  const shortcut = useRef(onCommentShortcut);
  shortcut.current = onCommentShortcut;

  const editor = useEditor(
    {
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      extensions: [
        StarterKit.configure({
          // Collaboration brings its own undo, which only undoes one's own changes.
          undoRedo: false,
          heading: { levels: [3, 4] },
          codeBlock: false,
          code: false,
          link: {
            openOnClick: false,
            autolink: true,
            // http, https and mailto are linkify's own; registering them again per editor only warns.
            defaultProtocol: 'https',
            HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null },
          },
        }),
        TableKit.configure({ table: { resizable: false, HTMLAttributes: { class: 'dt-editor-table' } } }),
        Collaboration.configure({ document: connection.doc, field: clauseFragmentName }),
        CollaborationCaret.configure({ provider: connection.provider, user, render: renderCaret, selectionRender: renderSelection }),
        CommentHighlights,
      ],
      editorProps: {
        attributes: {
          class: 'dt-editor__content utrecht-rich-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(editable ? {} : { 'aria-readonly': 'true', tabindex: '0' }),
          'data-testid': 'clause-text',
        },
        handleDOMEvents: {
          keydown: (view, event) => {
            if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
              event.preventDefault();
              takeInDomSelection(view);
              shortcut.current();
              return true;
            }
            return false;
          },
        },
      },
    },
    [connection, editable, label, describedBy, user.userId],
  );

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  // The highlights follow the comments: hand them to the plugin whenever they change, and again
  // once the text has arrived (before that, anchors cannot be resolved).
  const highlightsKey = JSON.stringify(highlights);
  useEffect(() => {
    if (editor.isDestroyed) return;
    const apply = () => {
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, JSON.parse(highlightsKey) as Highlight[]));
    };
    apply();
    connection.provider.on('sync', apply);
    return () => connection.provider.off('sync', apply);
  }, [editor, highlightsKey, connection]);

  return <EditorContent editor={editor} className="dt-editor" />;
}
