import { Heading2, Heading3, Heading4, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format/dates';
import type { AnnexPollDto, FinalSnapshotDto } from '../../../shared/schemas/final';

const lines = (text: string) => text.split('\n').filter((l) => l.trim());

/** The assembled chapters and clauses, every municipality variant set apart and named. */
export function AssembledText({ snapshot }: { snapshot: FinalSnapshotDto }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="assembled-heading" className="dt-final__text" data-testid="assembled-text">
      <Heading2 id="assembled-heading">{snapshot.title}</Heading2>
      {snapshot.chapters.map((chapter) => (
        <section key={chapter.id} aria-labelledby={`final-chapter-${chapter.id}`}>
          <Heading3 id={`final-chapter-${chapter.id}`}>{t('final.assembled.chapter', { number: chapter.number, title: chapter.title })}</Heading3>
          {chapter.clauses.map((clause) => (
            <article key={clause.id} aria-labelledby={`final-clause-${clause.id}`} className="dt-final__clause" data-testid="final-clause">
              <Heading4 id={`final-clause-${clause.id}`}>{t('final.assembled.clause', { number: clause.number, title: clause.title })}</Heading4>
              {lines(clause.text).map((line, i) => (
                <Paragraph key={i}>{line}</Paragraph>
              ))}
              {clause.variants.map((variant) => (
                <aside key={variant.id} className="dt-final__variant" aria-label={t('final.assembled.variant', { municipalities: variant.municipalities.join(', '), label: variant.label })} data-testid="final-variant">
                  <Paragraph>
                    <strong>{t('final.assembled.variant', { municipalities: variant.municipalities.join(', '), label: variant.label })}</strong>
                  </Paragraph>
                  {lines(variant.text).map((line, i) => (
                    <Paragraph key={i}>{line}</Paragraph>
                  ))}
                </aside>
              ))}
            </article>
          ))}
        </section>
      ))}
    </section>
  );
}

function pollText(poll: AnnexPollDto, t: TFunction): string {
  const r = poll.result;
  const outcome = !r
    ? t('final.annex.pollOpen')
    : r.consent
      ? t(r.consent.reached ? 'final.annex.consentReached' : 'final.annex.consentNotReached', { ballots: r.ballots, blocks: r.consent.blocks, objections: r.consent.objections })
      : r.leaders.length
        ? t('final.annex.leaders', { leaders: r.leaders.join(', '), ballots: r.ballots })
        : t('final.annex.noVotes');
  return `${poll.question} — ${outcome}${poll.via === 'amendment' ? ` (${t('final.annex.viaAmendment')})` : ''}`;
}

/** Per clause where it comes from, ending with the audit log's last event at assembly. */
export function Annex({ snapshot }: { snapshot: FinalSnapshotDto }) {
  const { t, i18n } = useTranslation();
  const list = (items: string[]) =>
    items.length ? (
      <UnorderedList>
        {items.map((item, i) => (
          <UnorderedListItem key={i}>{item}</UnorderedListItem>
        ))}
      </UnorderedList>
    ) : (
      <Paragraph>{t('final.annex.none')}</Paragraph>
    );
  const audit = snapshot.annex.audit;
  return (
    <section aria-labelledby="annex-heading" className="dt-final__annex" data-testid="annex">
      <Heading2 id="annex-heading">{t('final.annex.title')}</Heading2>
      <Paragraph>{t('final.annex.intro')}</Paragraph>
      {snapshot.annex.entries.map((entry) => (
        <details key={entry.clauseId} className="dt-final__annex-entry" data-testid="annex-entry">
          <summary>{t('final.annex.clause', { number: entry.clauseNumber, title: entry.clauseTitle })}</summary>
          <dl>
            <dt>{t('final.annex.topics')}</dt>
            <dd>{list(entry.topics.map((x) => x.title))}</dd>
            <dt>{t('final.annex.sessions')}</dt>
            <dd>{list(entry.sessions.map((s) => `${s.title} (${formatDate(s.startsAt, i18n.language)})`))}</dd>
            <dt>{t('final.annex.polls')}</dt>
            <dd>{list(entry.polls.map((p) => pollText(p, t)))}</dd>
            <dt>{t('final.annex.outcomes')}</dt>
            <dd>{list(entry.outcomes.map((o) => t('final.annex.outcome', { number: o.number, text: o.text })))}</dd>
          </dl>
        </details>
      ))}
      <Paragraph className="dt-final__hash" data-testid="annex-audit">
        {audit ? t('final.annex.audit', { seq: audit.seq, hash: audit.hash }) : t('final.annex.noAudit')}
      </Paragraph>
    </section>
  );
}
