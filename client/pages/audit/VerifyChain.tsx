import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../api/audit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';
import type { AuditVerification } from '../../../shared/schemas/audit';

/** Recomputes the hash chain on the server and says in words whether it is whole. */
export function VerifyChain({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditVerification | undefined>(undefined);
  const { busy, error, submit } = useSubmission();

  const verify = () =>
    submit(async () => {
      setResult(undefined);
      setResult(await auditApi.verify(trajectoryId));
    });

  return (
    <div className="dt-verify">
      <ButtonGroup>
        <Button appearance="secondary-action-button" busy={busy} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
      </ButtonGroup>
      <div role="status" data-testid="verify-result">
        {busy && <Paragraph>{t('audit.verifying')}</Paragraph>}
        {result && (
          <Alert type={result.valid ? 'ok' : 'error'} role="none">
            <Paragraph>
              <strong>
                {result.valid
                  ? t('audit.intact', { count: result.events })
                  : t('audit.broken', { seq: result.brokenAt?.seq ?? '?' })}
              </strong>
            </Paragraph>
            {!result.valid && result.brokenAt && <Paragraph>{t(`audit.brokenReason.${result.brokenAt.reason}`)}</Paragraph>}
          </Alert>
        )}
      </div>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
