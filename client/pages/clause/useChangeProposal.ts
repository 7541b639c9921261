import type { Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposalApi } from '../../api/agreement';
import { anchorForRange } from '../../editor/anchors';
import type { ProposalDraft } from './ProposeChangeDialog';

/**
 * Proposing other wording for the selected words, or for the whole text when nothing is
 * selected; `proposed` says one was just sent (the page says so, with the way to the list).
 */
export function useChangeProposal({ trajectoryId, clauseId, editor, variantId, announce, onProposed }: { trajectoryId: string; clauseId: string; editor: Editor | null; variantId: string | null; announce: (message: string) => void; onProposed: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProposalDraft | null>(null);
  const [proposed, setProposed] = useState(false);

  const open = () => {
    if (!editor) return;
    const { from, to, empty } = editor.state.selection;
    const anchor = empty ? null : anchorForRange(editor.state, from, to);
    setProposed(false);
    if (anchor) setDraft({ anchor: { start: anchor.start, end: anchor.end }, originalText: editor.state.doc.textBetween(from, to, '\n') });
    else setDraft({ anchor: null, originalText: editor.state.doc.textBetween(0, editor.state.doc.content.size, '\n') });
  };

  const submit = async ({ proposedText, motivation }: { proposedText: string; motivation: string }) => {
    if (!draft) return;
    await proposalApi.propose(trajectoryId, clauseId, { variantId, anchor: draft.anchor, originalText: draft.originalText, proposedText, motivation });
    setDraft(null);
    setProposed(true);
    announce(t('agreement.amendment.done'));
    onProposed();
  };

  return { draft, proposed, open, close: () => setDraft(null), submit };
}
