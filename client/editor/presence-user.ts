import { stakeholderColours, type Role } from '../../shared/domain/roles';

/** What a person shares with the others in a clause document (Yjs awareness field `user`). */
export interface PresenceUser {
  userId: string;
  name: string;
  /** Their role at this table: the stakeholder group they are shown in. */
  group: Role;
  organisation: string;
  /** The stakeholder group's colour, `#rrggbb` (the caret plugin accepts no other form). */
  color: string;
  /** A client representative who chose anonymity: the server sent no name (shown as "een cliëntvertegenwoordiger"). */
  anonymous?: boolean;
}

export { stakeholderColours };

const roleSet = new Set<string>(Object.keys(stakeholderColours));

/** A `user` field read back from someone's awareness state, or null when it is not one of ours. */
export function readPresenceUser(value: unknown): PresenceUser | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.userId !== 'string' || typeof v.name !== 'string' || typeof v.group !== 'string' || !roleSet.has(v.group)) return null;
  const group = v.group as Role;
  return {
    userId: v.userId,
    name: v.name.slice(0, 120),
    group,
    organisation: typeof v.organisation === 'string' ? v.organisation.slice(0, 200) : '',
    // The colour follows the group, whatever a client sent.
    color: stakeholderColours[group],
    // The server stamps every state's `user`; only it can say a person is shown without name.
    ...(v.anonymous === true ? { anonymous: true } : {}),
  };
}
