import { StatusBadge } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ConsultationSummaryDto, ReactionDto } from '../../../shared/schemas/consultations';

/** The longest reaction and response the server accepts (shared/schemas/consultations.ts). */
export const maxReactionLength = 10_000;

const badge: Record<ConsultationSummaryDto['status'], string> = { open: 'active', closed: 'warning', published: 'safe' };

/** Where a consultation stands, in words (never by colour alone). */
export function ConsultationStatusBadge({ status }: { status: ConsultationSummaryDto['status'] }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status={badge[status]} className="dt-badge" data-status={status} data-testid="consultation-status">
      {t(`consultation.status.${status}`)}
    </StatusBadge>
  );
}

/** Who gave a reaction, as the viewer may know it: "U", "Cliëntvertegenwoordiger (anoniem)", a person or an organisation. */
export function authorLabel(reaction: ReactionDto, t: TFunction): string {
  const { author } = reaction;
  // Input on someone's behalf (issue 16): on whose behalf first, then who recorded it.
  if (reaction.onBehalfOf) {
    const recorder = reaction.mine ? t('consultation.you') : (author.name ?? author.organisationName ?? t(`roles.${author.group}`));
    return `${t('onBehalf.marked', { description: reaction.onBehalfOf })} · ${t('onBehalf.recordedBy', { name: recorder })}`;
  }
  if (reaction.mine) return author.anonymous ? `${t('consultation.you')} — ${t('consultation.anonymousAuthor')}` : t('consultation.you');
  if (author.anonymous && !author.organisationName) return t('consultation.anonymousAuthor');
  const organisation = author.organisationName ?? t(`roles.${author.group}`);
  return author.name ? t('consultation.byPerson', { name: author.name, organisation }) : organisation;
}
