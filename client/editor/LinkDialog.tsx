import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/forms/TextField';

/** A web or mail address as a link target, or null when it is neither. */
function normaliseHref(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (/^(https?:\/\/|mailto:)\S+$/i.test(value)) return value;
  if (/^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value)) return `https://${value}`;
  if (/^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(value)) return `mailto:${value}`;
  return null;
}

/** Adds, changes or removes the link on the selected words. */
export function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [href, setHref] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const existing = open ? ((editor.getAttributes('link').href as string | undefined) ?? '') : '';

  useEffect(() => {
    if (open) {
      setHref(existing);
      setError(undefined);
    }
  }, [open, existing]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const target = normaliseHref(href);
    if (!target) {
      setError(t('agreement.link.invalid'));
      return;
    }
    const chain = editor.chain().focus().extendMarkRange('link');
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({ type: 'text', text: target, marks: [{ type: 'link', attrs: { href: target } }] }).run();
    } else {
      chain.setLink({ href: target }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <Dialog open={open} title={existing ? t('agreement.link.editTitle') : t('agreement.link.addTitle')} onClose={onClose}>
      <form onSubmit={submit} noValidate className="dt-form">
        <Paragraph>{t('agreement.link.intro')}</Paragraph>
        <TextField id="link-href" label={t('agreement.link.href')} description={t('agreement.link.hrefHint')} value={href} onChange={setHref} error={error} inputMode="url" autoComplete="url" />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button">
            {t('agreement.link.save')}
          </Button>
          {existing && (
            <Button type="button" appearance="secondary-action-button" onClick={remove}>
              {t('agreement.link.remove')}
            </Button>
          )}
          <Button type="button" appearance="subtle-button" onClick={onClose}>
            {t('cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </Dialog>
  );
}
