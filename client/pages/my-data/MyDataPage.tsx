import { Heading1, Heading2, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { privacyApi } from '../../api/privacy';
import { useSession } from '../../auth/session-context';
import { useDocumentTitle } from '../../components/useDocumentTitle';
import { CalendarSubscriptionSection } from '../calendar/CalendarSubscriptionSection';

/** "Mijn gegevens": everything stored about the signed-in person, to download (AVG article 15). */
export function MyDataPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('privacy.myData.title'));
  const { me } = useSession();
  return (
    <>
      <Heading1>{t('privacy.myData.title')}</Heading1>
      <Paragraph>{t('privacy.myData.intro')}</Paragraph>
      <Paragraph>{t('privacy.myData.secrets')}</Paragraph>
      {me && (
        <section aria-labelledby="my-data-account">
          <Heading2 id="my-data-account">{t('privacy.myData.account')}</Heading2>
          <dl className="dt-my-data__account" data-testid="my-data-account">
            <dt>{t('privacy.myData.name')}</dt>
            <dd>{me.user.name}</dd>
            <dt>{t('privacy.myData.email')}</dt>
            <dd>{me.user.email}</dd>
          </dl>
        </section>
      )}
      <section aria-labelledby="my-data-downloads">
        <Heading2 id="my-data-downloads">{t('privacy.myData.downloads')}</Heading2>
        <UnorderedList>
          <UnorderedListItem>
            <Link href={privacyApi.myDataUrl('json')} download data-testid="my-data-json">
              {t('privacy.myData.json')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href={privacyApi.myDataUrl('docx')} download data-testid="my-data-docx">
              {t('privacy.myData.docx')}
            </Link>
          </UnorderedListItem>
          <UnorderedListItem>
            <Link href={privacyApi.myDataUrl('pdf')} download data-testid="my-data-pdf">
              {t('privacy.myData.pdf')}
            </Link>
          </UnorderedListItem>
        </UnorderedList>
      </section>
      <CalendarSubscriptionSection />
      <Paragraph>{t('privacy.myData.erasure')}</Paragraph>
    </>
  );
}
