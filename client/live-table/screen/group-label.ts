import { useTranslation } from 'react-i18next';

/**
 * A group's name on the screen. The tally may carry a group this client has no name for yet
 * (a new kind of group, such as input recorded on someone's behalf): it is shown under its key
 * rather than as a missing translation.
 */
export function useGroupLabel() {
  const { t, i18n } = useTranslation();
  return (group: string): string => {
    const key = `groups.${group}`;
    return i18n.exists(key) ? t(key as 'groups.client') : group;
  };
}

/** Group colours on the wall: dark enough for white surroundings (contrast ≥ 4.5:1 against white). */
const colours: Record<string, string> = {
  municipality: '#6b2f8a',
  provider: '#8a4b00',
  client: '#00695c',
  procurement: '#2e4a8a',
  facilitator: '#5c5c5c',
  observer: '#7a3b3b',
  intermediair: '#3b5b1f',
};
const spare = ['#005f73', '#7b2d26', '#4a3f8a', '#5a5a00', '#8a2f5b'];

/** A group's colour; a group without one of its own takes a spare by its place in the list. */
export function groupColour(group: string, index: number): string {
  return colours[group] ?? spare[index % spare.length]!;
}
