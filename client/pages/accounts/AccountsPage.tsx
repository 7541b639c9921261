import { ScrollRegion } from '../../components/ScrollRegion';
import {
  Button,
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { privacyApi } from '../../api/privacy';
import { useResource } from '../../api/useResource';
import { useSession } from '../../auth/session-context';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadingStatus } from '../../components/LoadingStatus';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import type { AccountDto } from '../../../shared/schemas/privacy';

/** The administrator's screen to erase an account on request, with a confirm step. */
export function AccountsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.accounts.title'));
  const { me } = useSession();
  const admin = Boolean(me?.user.platformAdmin);
  const accounts = useResource((signal) => (admin ? privacyApi.accounts(signal) : Promise.resolve([])), [admin]);
  const [confirming, setConfirming] = useState<AccountDto | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  const erase = async () => {
    if (!confirming) return;
    const result = await privacyApi.erase(confirming.id);
    setConfirming(undefined);
    setAnnouncement(t('privacy.accounts.done', { name: result.name }));
    accounts.reload();
  };

  if (!admin) {
    return (
      <>
        <Heading1>{t('privacy.accounts.title')}</Heading1>
        <Paragraph>{t('privacy.accounts.adminOnly')}</Paragraph>
      </>
    );
  }
  return (
    <>
      <Heading1>{t('privacy.accounts.title')}</Heading1>
      <Paragraph>{t('privacy.accounts.intro')}</Paragraph>
      <div role="status" className="dt-announcement" data-testid="accounts-announcement">
        {announcement}
      </div>
      {accounts.loading && !accounts.data && <LoadingStatus />}
      {accounts.error && <ErrorAlert error={accounts.error} />}
      {accounts.data && accounts.data.length === 0 && <Paragraph>{t('privacy.accounts.empty')}</Paragraph>}
      {accounts.data && accounts.data.length > 0 && (
        <ScrollRegion label={t('privacy.accounts.title')}>
          <Table data-testid="accounts">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('privacy.accounts.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('privacy.accounts.email')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('privacy.accounts.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('privacy.accounts.action')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {accounts.data.map((account) => (
                <TableRow key={account.id} data-testid="account-row">
                  <TableCell>{account.name}</TableCell>
                  <TableCell>{account.email ?? '—'}</TableCell>
                  <TableCell>{account.erasedAt ? t('privacy.accounts.erased') : account.platformAdmin ? t('privacy.accounts.admin') : t('privacy.accounts.active')}</TableCell>
                  <TableCell>
                    {!account.erasedAt && account.id !== me?.user.id && (
                      <Button appearance="secondary-action-button" aria-label={t('privacy.accounts.eraseLabel', { name: account.name })} onClick={() => setConfirming(account)}>
                        {t('privacy.accounts.erase')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
      <ConfirmDialog
        open={Boolean(confirming)}
        title={t('privacy.accounts.confirmTitle')}
        confirmLabel={t('privacy.accounts.confirm')}
        cancelLabel={t('privacy.accounts.cancel')}
        onConfirm={erase}
        onClose={() => setConfirming(undefined)}
      >
        {confirming && <Paragraph>{t('privacy.accounts.confirmText', { name: confirming.name, email: confirming.email ?? '—' })}</Paragraph>}
      </ConfirmDialog>
    </>
  );
}
