import { Heading2, Heading3 } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../labels/useLabels';
import { roles, stakeholderGroupByRole } from '../../../shared/domain/roles';
import type { MemberDto } from '../../../shared/schemas/trajectories';
import { MemberRow } from './MemberRow';

export interface MemberGroupsProps {
  trajectoryId: string;
  members: MemberDto[];
  myUserId: string | undefined;
  mayChangeRole: boolean;
  mayRemove: boolean;
  onChanged: (announcement: string) => void;
}

interface OrganisationGroup {
  id: string;
  name: string;
  members: MemberDto[];
}

/** Members by stakeholder group (in the fixed order of the roles), then by organisation. */
function group(members: MemberDto[]) {
  return roles
    .map((role) => {
      const inGroup = members.filter((m) => stakeholderGroupByRole[m.role] === role);
      const organisations = new Map<string, OrganisationGroup>();
      for (const member of inGroup) {
        const org = organisations.get(member.organisation.id) ?? { id: member.organisation.id, name: member.organisation.name, members: [] };
        org.members.push(member);
        organisations.set(org.id, org);
      }
      const sorted = [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      for (const org of sorted) org.members.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      return { role, organisations: sorted, count: inGroup.length };
    })
    .filter((g) => g.count > 0);
}

export function MemberGroups({ trajectoryId, members, myUserId, mayChangeRole, mayRemove, onChanged }: MemberGroupsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (members.length === 0) return null;
  return (
    <div className="dt-member-groups" data-testid="member-groups">
      {group(members).map(({ role, organisations, count }) => (
        <section key={role} aria-labelledby={`group-${role}`} className="dt-member-group">
          <Heading2 id={`group-${role}`}>
            {labels.group(role)} <span className="dt-count">({t('members.count', { count })})</span>
          </Heading2>
          {organisations.map((org) => (
            <section key={org.id} aria-labelledby={`group-${role}-org-${org.id}`}>
              <Heading3 id={`group-${role}-org-${org.id}`}>{org.name}</Heading3>
              <ul className="dt-member-list">
                {org.members.map((member) => (
                  <MemberRow
                    key={member.id}
                    trajectoryId={trajectoryId}
                    member={member}
                    isMe={member.userId === myUserId}
                    mayChangeRole={mayChangeRole}
                    mayRemove={mayRemove}
                    onChanged={onChanged}
                  />
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
