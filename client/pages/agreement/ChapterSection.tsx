import { Button, ButtonGroup, Heading2, OrderedList, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { agreementApi } from '../../api/agreement';
import type { ChapterDto } from '../../../shared/schemas/agreement';
import type { TopicDto } from '../../../shared/schemas/topics';
import { AddClauseForm } from './AddClauseForm';
import type { ChangeAgreement } from './AgreementPage';
import { ClauseItem } from './ClauseItem';

export interface ChapterSectionProps {
  trajectoryId: string;
  chapter: ChapterDto;
  index: number;
  count: number;
  mayManage: boolean;
  topics: TopicDto[];
  change: ChangeAgreement;
}

/** One chapter: its heading and its clauses in order; the procurement team moves it and adds clauses. */
export function ChapterSection({ trajectoryId, chapter, index, count, mayManage, topics, change }: ChapterSectionProps) {
  const { t } = useTranslation();
  const headingId = `chapter-${chapter.id}-heading`;

  const move = (by: -1 | 1) => {
    const direction = by === -1 ? 'up' : 'down';
    const position = index + by;
    void change(
      () => agreementApi.updateChapter(trajectoryId, chapter.id, { position }),
      () => t('agreement.manage.chapterMoved', { title: chapter.title, number: position + 1 }),
    ).then((ok) => {
      if (!ok) return;
      // Keep focus on the control that was used; if it just disappeared (first or last place), on its twin.
      const still = direction === 'up' ? position > 0 : position < count - 1;
      requestAnimationFrame(() =>
        document.getElementById(`chapter-${chapter.id}-${still ? direction : direction === 'up' ? 'down' : 'up'}`)?.focus(),
      );
    });
  };

  return (
    <section aria-labelledby={headingId} className="dt-chapter" data-testid="chapter">
      <div className="dt-chapter__head">
        <Heading2 id={headingId} className="dt-chapter__title">
          {t('agreement.chapterHeading', { number: chapter.number, title: chapter.title })}
        </Heading2>
        {mayManage && count > 1 && (
          <ButtonGroup className="dt-chapter__move">
            {index > 0 && (
              <Button id={`chapter-${chapter.id}-up`} appearance="subtle-button" onClick={() => move(-1)} aria-label={t('agreement.manage.chapterUpLabel', { number: chapter.number })}>
                {t('agreement.manage.moveUp')}
              </Button>
            )}
            {index < count - 1 && (
              <Button id={`chapter-${chapter.id}-down`} appearance="subtle-button" onClick={() => move(1)} aria-label={t('agreement.manage.chapterDownLabel', { number: chapter.number })}>
                {t('agreement.manage.moveDown')}
              </Button>
            )}
          </ButtonGroup>
        )}
      </div>
      {chapter.clauses.length === 0 ? (
        <Paragraph>{t('agreement.noClauses')}</Paragraph>
      ) : (
        <OrderedList className="dt-clause-list">
          {chapter.clauses.map((clause, clauseIndex) => (
            <ClauseItem
              key={clause.id}
              trajectoryId={trajectoryId}
              clause={clause}
              index={clauseIndex}
              count={chapter.clauses.length}
              mayManage={mayManage}
              change={change}
            />
          ))}
        </OrderedList>
      )}
      {mayManage && <AddClauseForm trajectoryId={trajectoryId} chapter={chapter} topics={topics} change={change} />}
    </section>
  );
}
