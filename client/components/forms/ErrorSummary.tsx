import { Alert, Heading2, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { MouseEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  /** The id of the field (or of the group around it); empty when the form has no field for it. */
  target: string;
  label: string;
  message: string;
}

export interface ErrorSummaryProps {
  message: string;
  items: SummaryItem[];
  summaryRef: Ref<HTMLDivElement>;
}

// Following a link in the summary puts focus in the field itself, also when the target is a
// group of radio buttons or checkboxes (a fragment link alone only scrolls there).
function focusTarget(event: MouseEvent<HTMLAnchorElement>, target: string) {
  const element = document.getElementById(target);
  if (!element) return;
  event.preventDefault();
  const focusable = element.matches('input, select, textarea, button')
    ? element
    : element.querySelector<HTMLElement>('input, select, textarea, button');
  (focusable ?? element).focus();
  (focusable ?? element).scrollIntoView({ block: 'center' });
}

/**
 * What went wrong with a submission, above the form. It takes focus after a failed submit so
 * that screen-reader and keyboard users learn of it at once, and links to each field.
 */
export function ErrorSummary({ message, items, summaryRef }: ErrorSummaryProps) {
  const { t } = useTranslation();
  return (
    <div ref={summaryRef} tabIndex={-1} className="dt-error-summary">
      <Alert type="error">
        <Heading2 id="error-summary-title" className="dt-error-summary__title">
          {t('form.errorSummaryTitle')}
        </Heading2>
        <Paragraph>{message}</Paragraph>
        {items.length > 0 && (
          <UnorderedList>
            {items.map((item) => (
              <UnorderedListItem key={`${item.target}-${item.label}`}>
                {item.target ? (
                  <Link href={`#${item.target}`} onClick={(event) => focusTarget(event, item.target)}>
                    {item.label}: {item.message}
                  </Link>
                ) : (
                  `${item.label}: ${item.message}`
                )}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        )}
      </Alert>
    </div>
  );
}
