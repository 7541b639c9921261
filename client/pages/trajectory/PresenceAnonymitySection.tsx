import {
  Button,
  ButtonGroup,
  Checkbox,
  FormField,
  FormFieldDescription,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { anonymityApi } from '../../api/anonymity';
import { useResource } from '../../api/useResource';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmission } from '../../components/forms/useSubmission';

/**
 * On the trajectory overview, for client representatives only: whether others see them by name
 * in presence (live table, "Nu in dit artikel") and attendance, or as "een cliëntvertegenwoordiger".
 * The server decides what others see; this only records the person's choice.
 */
export function PresenceAnonymitySection({ trajectoryId, isClient }: { trajectoryId: string; isClient: boolean }) {
  const { t } = useTranslation();
  const choice = useResource((signal) => anonymityApi.get(trajectoryId, signal), [trajectoryId]);
  // The box as ticked now; undefined until the person touches it (then the stored choice shows).
  const [ticked, setTicked] = useState<boolean | undefined>(undefined);
  const [saved, setSaved] = useState<boolean | undefined>(undefined);
  const { busy, error: saveError, submit } = useSubmission();

  // Only a client representative can choose; anyone else sees nothing, not even a failed load.
  if (!choice.data?.canChoose) {
    return isClient && choice.error ? (
      <section aria-labelledby="anonymity-heading" data-testid="presence-anonymity">
        <Heading2 id="anonymity-heading">{t('anonymity.title')}</Heading2>
        <ErrorAlert error={choice.error} />
      </section>
    ) : null;
  }
  const checked = ticked ?? choice.data.anonymous;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await submit(async () => {
      setSaved(undefined);
      const result = await anonymityApi.set(trajectoryId, checked);
      choice.setData(result);
      setTicked(undefined);
      setSaved(result.anonymous);
    });
  };

  return (
    <section aria-labelledby="anonymity-heading" className="dt-presence-anonymity" data-testid="presence-anonymity">
      <Heading2 id="anonymity-heading">{t('anonymity.title')}</Heading2>
      <Paragraph>{t('anonymity.intro')}</Paragraph>
      <Heading3>{t('anonymity.changesTitle')}</Heading3>
      <UnorderedList>
        <UnorderedListItem>{t('anonymity.changesLiveTable')}</UnorderedListItem>
        <UnorderedListItem>{t('anonymity.changesAttendance')}</UnorderedListItem>
      </UnorderedList>
      <Heading3>{t('anonymity.unchangedTitle')}</Heading3>
      <UnorderedList>
        <UnorderedListItem>{t('anonymity.unchangedMembership')}</UnorderedListItem>
        <UnorderedListItem>{t('anonymity.unchangedComments')}</UnorderedListItem>
      </UnorderedList>
      <form noValidate onSubmit={(event) => void onSubmit(event)} className="dt-form">
        {saveError && <ErrorAlert error={saveError} />}
        <FormField type="checkbox" className="dt-choice dt-anonymous">
          <Checkbox
            id="presence-anonymous"
            checked={checked}
            onChange={(event) => {
              setTicked(event.target.checked);
              setSaved(undefined);
            }}
            aria-describedby="presence-anonymous-description"
            className="utrecht-form-field__input"
          />
          <FormLabel htmlFor="presence-anonymous" type="checkbox" checked={checked} className="utrecht-form-field__label">
            {t('anonymity.label')}
          </FormLabel>
          <FormFieldDescription id="presence-anonymous-description" className="dt-anonymous__hint">
            {t('anonymity.hint')}
          </FormFieldDescription>
        </FormField>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy}>
            {t('anonymity.save')}
          </Button>
        </ButtonGroup>
        <div role="status" data-testid="presence-anonymity-status">
          {saved !== undefined && <Paragraph>{saved ? t('anonymity.savedAnonymous') : t('anonymity.savedNamed')}</Paragraph>}
        </div>
      </form>
    </section>
  );
}
