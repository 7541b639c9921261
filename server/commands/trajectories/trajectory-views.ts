import type { OrganisationDto, RegionDto, TrajectoryDto } from '../../../shared/schemas/trajectories';
import type { Role } from '../../../shared/domain/roles';
import type { OrganisationRecord } from '../../models/organisation';
import type { RegionRecord } from '../../models/region';
import type { TrajectoryRecord } from '../../models/trajectory';

/** Trajectory, region and organisation records → the DTOs of shared/schemas. Only what the schema names leaves the server. */
export function trajectoryView(t: TrajectoryRecord, regionName: string, myRole: Role | null): TrajectoryDto {
  return {
    id: String(t._id),
    regionId: String(t.regionId),
    regionName,
    name: t.name,
    description: t.description,
    model: t.model,
    municipalities: t.municipalities,
    phases: t.phases.map((p) => ({ name: p.name, status: p.status, startsOn: p.startsOn ?? null, endsOn: p.endsOn ?? null })),
    milestones: [...t.milestones]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((m) => ({ id: String(m._id), kind: m.kind, title: m.title, date: m.date })),
    myRole,
    createdAt: t.createdAt.toISOString(),
  };
}

export const regionView = (r: RegionRecord): RegionDto => ({ id: String(r._id), name: r.name, municipalities: r.municipalities });

export const organisationView = (o: OrganisationRecord): OrganisationDto => ({ id: String(o._id), name: o.name, type: o.type, providerKind: o.providerKind ?? null });
