import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { providerKinds, type ProviderKind } from '../../shared/domain/provider-kinds';
import type { PollResult } from '../../shared/live-table/polls';
import type { PollView } from '../../shared/schemas/sessions';
import { percent, usePollText } from './poll-text';
import { ScrollTable } from './ScrollTable';

/**
 * Beside the stakeholder groups: the score and turnout per provider kind (issue 19 item 4), so a
 * one-person practice is seen apart from an institution, and the session's mandate rule when a
 * ballot with mandates counted for more than one vote.
 */
export function PollKindResults({ poll, result }: { poll: PollView; result: PollResult }) {
  const { t } = useTranslation();
  const text = usePollText();
  const byKind = result.byProviderKind ?? {};
  const turnout = result.turnoutByProviderKind ?? {};
  const kinds: ProviderKind[] = providerKinds.filter(
    (k) => turnout[k] !== undefined || Object.values(byKind).some((row) => row[k] !== undefined),
  );
  const mandates = result.mandates;
  if (kinds.length === 0 && !mandates?.applied) return null;
  // The session's declared rule, in words, with every result that speaks of provider kinds (issue 19 item 3).
  const rule = !mandates ? null : !mandates.applied ? t('mandates.results.notApplied') : mandates.rule === 'per_practice' ? t('mandates.results.perPractice') : t('mandates.results.oneVote');
  const resultCaption = `poll-${poll.id}-kind-caption`;
  const turnoutCaption = `poll-${poll.id}-kind-turnout-caption`;
  const turnoutKinds = kinds.filter((k) => turnout[k] !== undefined);
  return (
    <div className="dt-results__tables" data-testid="poll-kind-results">
      {kinds.length > 0 && (
        <ScrollTable labelledBy={resultCaption}>
          <Table className="dt-results__table">
            <TableCaption id={resultCaption} className="dt-results__caption">
              {t('mandates.results.caption')}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('sessions.poll.results.option')}</TableHeaderCell>
                {kinds.map((k) => (
                  <TableHeaderCell key={k} scope="col">
                    {t(`mandates.kinds.${k}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.options.map((option) => (
                <TableRow key={option.optionId} data-testid="kind-result-row">
                  <TableHeaderCell scope="row">{text.optionLabel(poll, option.optionId)}</TableHeaderCell>
                  {kinds.map((k) => (
                    <TableCell key={k}>{byKind[option.optionId]?.[k] ?? 0}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
      {turnoutKinds.length > 0 && (
        <ScrollTable labelledBy={turnoutCaption}>
          <Table className="dt-results__table dt-results__table--turnout" data-testid="turnout-by-kind">
            <TableCaption id={turnoutCaption} className="dt-results__caption">
              {t('mandates.results.turnoutCaption')}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('mandates.results.kind')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('sessions.poll.results.voted')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {turnoutKinds.map((k) => {
                const row = turnout[k]!;
                return (
                  <TableRow key={k} data-testid={`turnout-kind-${k}`}>
                    <TableHeaderCell scope="row">{t(`mandates.kinds.${k}`)}</TableHeaderCell>
                    <TableCell>
                      {t('sessions.poll.results.turnoutValue', { voted: row.voted, eligible: row.eligible, percent: percent(row.voted, row.eligible) })}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollTable>
      )}
      {mandates && rule && (
        <Paragraph appearance="small" className="dt-hint" data-testid="mandate-rule" data-rule={mandates.applied ? mandates.rule : 'not_applied'}>
          {rule}
          {mandates.applied && mandates.rule === 'per_practice' && mandates.extraVotes > 0 && <> {t('mandates.results.perPracticeExtra', { count: mandates.extraVotes })}</>}
        </Paragraph>
      )}
    </div>
  );
}
