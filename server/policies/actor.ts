/** Who is asking. Until accounts exist every request is anonymous. */
export type Actor = { kind: 'anonymous' };

export const anonymous: Actor = { kind: 'anonymous' };
