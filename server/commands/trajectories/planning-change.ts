import { questionDeadline } from '../../../shared/domain/calendar';
import type { TrajectoryRecord } from '../../models/trajectory';

type Phase = TrajectoryRecord['phases'][number];
type Milestone = { kind: string; title: string; date: string };

export interface PlanningChange {
  /** The names of the phases and milestones that are new, changed or gone: what the notification names. */
  changed: string[];
  /** The question deadline before and after, when it moved (questions follow the planning's deadline). */
  questionDeadline: { from: string | null; to: string | null } | null;
}

const phaseKey = (p: Phase) => `${p.status}|${p.startsOn ?? ''}|${p.endsOn ?? ''}`;
const milestoneKey = (m: Milestone) => `${m.kind}|${m.title}`;

/** What a change of the planning changes, for the notification and the audit log; null when nothing did. */
export function planningChange(before: Pick<TrajectoryRecord, 'phases' | 'milestones'>, after: { phases?: Phase[] | undefined; milestones?: Milestone[] | undefined }): PlanningChange | null {
  const changed = new Set<string>();
  if (after.phases) {
    const old = new Map(before.phases.map((p) => [p.name, phaseKey(p)]));
    const now = new Map(after.phases.map((p) => [p.name, phaseKey(p)]));
    for (const [name, key] of now) if (old.get(name) !== key) changed.add(name);
    for (const name of old.keys()) if (!now.has(name)) changed.add(name);
  }
  let deadline: PlanningChange['questionDeadline'] = null;
  if (after.milestones) {
    const old = new Map(before.milestones.map((m) => [milestoneKey(m), m.date]));
    const now = new Map(after.milestones.map((m) => [milestoneKey(m), m.date]));
    for (const m of after.milestones) if (old.get(milestoneKey(m)) !== m.date) changed.add(m.title);
    for (const m of before.milestones) if (!now.has(milestoneKey(m))) changed.add(m.title);
    const from = questionDeadline(before.milestones)?.date ?? null;
    const to = questionDeadline(after.milestones)?.date ?? null;
    if (from !== to) deadline = { from, to };
  }
  return changed.size > 0 ? { changed: [...changed], questionDeadline: deadline } : null;
}

/** The notification's title: the names changed, at most ~200 characters. */
export function planningSummary(change: PlanningChange): string {
  const names = change.changed.join(', ');
  return names.length > 200 ? `${names.slice(0, 199)}…` : names;
}
