import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { memberApi } from '../../api/members';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/forms/SelectField';
import { useSubmission } from '../../components/forms/useSubmission';
import { useLabels } from '../../labels/useLabels';
import { roles } from '../../../shared/domain/roles';
import type { Role } from '../../../shared/domain/roles';
import type { MemberDto } from '../../../shared/schemas/trajectories';

export interface MemberRowProps {
  trajectoryId: string;
  member: MemberDto;
  isMe: boolean;
  mayChangeRole: boolean;
  mayRemove: boolean;
  onChanged: (announcement: string) => void;
}

/** One member; the procurement team can change their role or remove them (not themselves). */
export function MemberRow({ trajectoryId, member, isMe, mayChangeRole, mayRemove, onChanged }: MemberRowProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [role, setRole] = useState<Role>(member.role);
  const [confirming, setConfirming] = useState(false);
  const submission = useSubmission();
  const manage = !isMe && (mayChangeRole || mayRemove);
  // Follow changes made elsewhere (the list reloads live).
  useEffect(() => setRole(member.role), [member.role]);

  const changeRole = (event: FormEvent) => {
    event.preventDefault();
    if (role === member.role) return;
    void submission.submit(async () => {
      await memberApi.changeRole(trajectoryId, member.id, role);
      onChanged(t('members.roleChanged', { name: member.name, role: labels.role(role) }));
    });
  };

  const remove = async () => {
    await memberApi.remove(trajectoryId, member.id);
    setConfirming(false);
    onChanged(t('members.removed', { name: member.name }));
  };

  return (
    <li className="dt-member" data-testid="member">
      <Paragraph className="dt-member__name">
        <strong>{member.name}</strong>
        {isMe && ` (${t('members.you')})`}
        {member.email && <span className="dt-member__email"> – {member.email}</span>}
        <br />
        <span className="dt-member__role">{labels.role(member.role)}</span>
      </Paragraph>
      {submission.error && <ErrorAlert error={submission.error} />}
      {manage && (
        // Folded away: the list is for reading first; managing is the exception.
        <details className="dt-member__manage">
          <summary aria-label={`${t('members.manage')}: ${member.name}`}>
            {t('members.manage')}
          </summary>
          <div className="dt-member__actions">
            {mayChangeRole && (
              <form onSubmit={changeRole} className="dt-inline-form">
                <SelectField
                  id={`member-${member.id}-role`}
                  label={t('members.roleOf', { name: member.name })}
                  value={role}
                  onChange={(value) => setRole(value as Role)}
                  options={roles.map((r) => ({ value: r, label: labels.role(r) }))}
                />
                <ButtonGroup>
                  <Button type="submit" appearance="secondary-action-button" busy={submission.busy} aria-label={`${t('members.changeRole')}: ${member.name}`}>
                    {t('members.changeRole')}
                  </Button>
                </ButtonGroup>
              </form>
            )}
            {mayRemove && (
              <ButtonGroup>
                <Button
                  appearance="secondary-action-button"
                  hint="danger"
                  onClick={() => setConfirming(true)}
                  aria-label={`${t('members.remove')}: ${member.name}`}
                >
                  {t('members.remove')}
                </Button>
              </ButtonGroup>
            )}
          </div>
        </details>
      )}
      <ConfirmDialog open={confirming} title={t('members.removeTitle')} confirmLabel={t('members.removeYes')} danger onConfirm={remove} onClose={() => setConfirming(false)}>
        <Paragraph>{t('members.removeConfirm', { name: member.name })}</Paragraph>
      </ConfirmDialog>
    </li>
  );
}
