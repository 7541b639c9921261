import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { OnBehalfResult } from '../../shared/live-table/polls';
import type { PollView } from '../../shared/schemas/sessions';
import { usePollText } from './poll-text';
import { ScrollTable } from './ScrollTable';

/**
 * Votes recorded on someone's behalf (issue 16) in their own table, "inbreng namens": apart from
 * the outcome, the groups and the turnout above, with on whose behalf (and each choice, unless the
 * poll is anonymous).
 */
export function OnBehalfResults({ poll, onBehalf }: { poll: PollView; onBehalf: OnBehalfResult }) {
  const { t } = useTranslation();
  const text = usePollText();
  const usesPoints = poll.kind === 'ranking' || poll.kind === 'dot_voting';
  const amount = (count: number) => (usesPoints ? t('sessions.poll.results.points', { count }) : t('sessions.poll.results.votes', { count }));
  const caption = `poll-${poll.id}-on-behalf-caption`;
  return (
    <div className="dt-results__on-behalf" data-testid="on-behalf-results">
      <ScrollTable labelledBy={caption}>
        <Table className="dt-results__table">
          <TableCaption id={caption} className="dt-results__caption">
            {t('onBehalf.resultsCaption')}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('sessions.poll.results.option')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('onBehalf.group')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {onBehalf.options.map((option) => (
              <TableRow key={option.optionId} data-testid="on-behalf-row">
                <TableHeaderCell scope="row">{text.optionLabel(poll, option.optionId)}</TableHeaderCell>
                <TableCell className="dt-results__number">{amount(option.score)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </ScrollTable>
      <Paragraph appearance="small" className="dt-hint">
        {t('onBehalf.resultsCount', { count: onBehalf.ballots })}
      </Paragraph>
      <details className="dt-named-ballots">
        <summary>
          {t('onBehalf.inputsHeading')} ({onBehalf.inputs.length})
        </summary>
        <ul data-testid="on-behalf-inputs">
          {onBehalf.inputs.map((input, index) => (
            <li key={index}>
              {input.choice
                ? t('onBehalf.inputChoice', { description: t('onBehalf.marked', { description: input.description }), choice: text.choiceText(poll, input.choice) })
                : t('onBehalf.marked', { description: input.description })}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
