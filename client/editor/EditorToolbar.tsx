import { Button } from '@utrecht/component-library-react';
import { useEditorState } from '@tiptap/react';
import type { Editor } from '@tiptap/react';
import { useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkDialog } from './LinkDialog';

interface ToolState {
  bold: boolean;
  italic: boolean;
  h3: boolean;
  h4: boolean;
  bulletList: boolean;
  orderedList: boolean;
  link: boolean;
  table: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

/**
 * The formatting buttons above the text: one tab stop, arrow keys move between the buttons
 * (the WAI-ARIA toolbar pattern). Every button says what it does in words; toggles say whether
 * they are on with aria-pressed. Table buttons appear while the cursor is in a table.
 */
export function EditorToolbar({ editor, label }: { editor: Editor; label: string }) {
  const { t } = useTranslation();
  const [linkOpen, setLinkOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const state = useEditorState<ToolState>({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h3: e.isActive('heading', { level: 3 }),
      h4: e.isActive('heading', { level: 4 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => command(editor.chain().focus()).run();

  const tools: Array<{ key: string; label: ReactNode; pressed?: boolean; onClick: () => void; idle?: boolean }> = [
    { key: 'bold', label: <strong>{t('agreement.toolbar.bold')}</strong>, pressed: state.bold, onClick: () => run((c) => c.toggleBold()) },
    { key: 'italic', label: <em>{t('agreement.toolbar.italic')}</em>, pressed: state.italic, onClick: () => run((c) => c.toggleItalic()) },
    { key: 'h3', label: t('agreement.toolbar.heading'), pressed: state.h3, onClick: () => run((c) => c.toggleHeading({ level: 3 })) },
    { key: 'h4', label: t('agreement.toolbar.subheading'), pressed: state.h4, onClick: () => run((c) => c.toggleHeading({ level: 4 })) },
    { key: 'bullets', label: t('agreement.toolbar.bulletList'), pressed: state.bulletList, onClick: () => run((c) => c.toggleBulletList()) },
    { key: 'numbers', label: t('agreement.toolbar.orderedList'), pressed: state.orderedList, onClick: () => run((c) => c.toggleOrderedList()) },
    { key: 'link', label: t('agreement.toolbar.link'), pressed: state.link, onClick: () => setLinkOpen(true) },
    ...(state.table
      ? [
          { key: 'row', label: t('agreement.toolbar.addRow'), onClick: () => run((c) => c.addRowAfter()) },
          { key: 'column', label: t('agreement.toolbar.addColumn'), onClick: () => run((c) => c.addColumnAfter()) },
          { key: 'deleteRow', label: t('agreement.toolbar.deleteRow'), onClick: () => run((c) => c.deleteRow()) },
          { key: 'deleteColumn', label: t('agreement.toolbar.deleteColumn'), onClick: () => run((c) => c.deleteColumn()) },
          { key: 'deleteTable', label: t('agreement.toolbar.deleteTable'), onClick: () => run((c) => c.deleteTable()) },
        ]
      : [{ key: 'table', label: t('agreement.toolbar.table'), onClick: () => run((c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true })) }]),
    // Undo and redo stay reachable (aria-disabled, not disabled); with nothing to undo, pressing does nothing.
    { key: 'undo', label: t('agreement.toolbar.undo'), onClick: () => run((c) => c.undo()), idle: !state.canUndo },
    { key: 'redo', label: t('agreement.toolbar.redo'), onClick: () => run((c) => c.redo()), idle: !state.canRedo },
  ];
  const current = Math.min(focusIndex, tools.length - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };
    let next: number | undefined;
    if (event.key in keys) next = (current + keys[event.key]! + tools.length) % tools.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tools.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    setFocusIndex(next);
    ref.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };

  return (
    <>
      <div role="toolbar" aria-label={label} className="dt-toolbar" ref={ref} onKeyDown={onKeyDown} data-testid="editor-toolbar">
        {tools.map((tool, index) => (
          <Button
            key={tool.key}
            appearance="subtle-button"
            className="dt-toolbar__button"
            aria-disabled={tool.idle ? true : undefined}
            tabIndex={index === current ? 0 : -1}
            aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
            onFocus={() => setFocusIndex(index)}
            // Keep the editor's selection: a mouse press on a button would otherwise take it away.
            onMouseDown={(event) => event.preventDefault()}
            onClick={tool.onClick}
          >
            {tool.label}
          </Button>
        ))}
      </div>
      <LinkDialog editor={editor} open={linkOpen} onClose={() => setLinkOpen(false)} />
    </>
  );
}
