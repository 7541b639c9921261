import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Declaration } from '../../../shared/schemas/sessions';

/** "Uitkomst: advies — besluit door de colleges van B&W", in words. */
export function useDeclarationText() {
  const { t } = useTranslation();
  return {
    line: (d: Declaration) => t(`sessions.declaration.line.${d.outcomeKind}`, { decidedBy: d.decidedBy }),
    explain: (d: Declaration) => t(`sessions.declaration.explain.${d.outcomeKind}`, { decidedBy: d.decidedBy }),
  };
}

/**
 * What a session's outcomes mean and who finally sets them (domain principle 1): shown
 * prominently on entering the live table.
 */
export function DeclarationNotice({ declaration, id = 'declaration-heading' }: { declaration: Declaration; id?: string }) {
  const { t } = useTranslation();
  const text = useDeclarationText();
  return (
    <section aria-labelledby={id} className="dt-declaration" data-testid="declaration">
      <Heading2 id={id} className="dt-declaration__title">
        {t('sessions.declaration.title')}
      </Heading2>
      <Paragraph className="dt-declaration__line">
        <strong>{text.line(declaration)}</strong>
      </Paragraph>
      <Paragraph>
        {text.explain(declaration)} {t('sessions.declaration.groups')}
      </Paragraph>
    </section>
  );
}

/** The declaration beside a result or on a session card: one short block. */
export function DeclarationAside({ declaration }: { declaration: Declaration }) {
  const text = useDeclarationText();
  return (
    <div className="dt-declaration-aside" data-testid="result-declaration">
      <strong>{text.line(declaration)}</strong>
      <br />
      {text.explain(declaration)}
    </div>
  );
}
