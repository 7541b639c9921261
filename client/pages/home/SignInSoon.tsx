import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

// Accounts do not exist yet. aria-disabled rather than the disabled attribute keeps the button
// in the tab order, so keyboard and screen-reader users reach it and hear why it does nothing.
export function SignInSoon() {
  const { t } = useTranslation();
  return (
    <div className="dt-sign-in-soon">
      <ButtonGroup>
        <Button
          appearance="primary-action-button"
          className="utrecht-button--disabled"
          aria-disabled="true"
          aria-describedby="sign-in-soon"
        >
          {t('home.signIn')}
        </Button>
      </ButtonGroup>
      <Paragraph id="sign-in-soon" appearance="small">
        {t('home.signInSoon')}
      </Paragraph>
    </div>
  );
}
