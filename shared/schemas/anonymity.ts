import { z } from 'zod';

/**
 * A client representative's choice, per trajectory, to be shown to others as "een
 * cliëntvertegenwoordiger" wherever they are present (the live table, "Nu in dit artikel", a
 * session's attendance): no name, no organisation, no id that links them to anonymous input.
 */
export const presenceAnonymityRequest = z.object({ anonymous: z.boolean() }).strict();
export type PresenceAnonymityRequest = z.infer<typeof presenceAnonymityRequest>;

export const presenceAnonymity = z.object({
  anonymous: z.boolean(),
  /** Only client representatives can choose; for others `anonymous` is always false. */
  canChoose: z.boolean(),
});
export type PresenceAnonymity = z.infer<typeof presenceAnonymity>;

/** How others see an anonymous client representative (the client translates by the `anonymous` flag). */
export const anonymousClientLabel = 'een cliëntvertegenwoordiger';
