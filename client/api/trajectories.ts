import type { z } from 'zod';
import type { createTrajectoryRequest, updateTrajectoryRequest } from '../../shared/schemas/trajectories';
import { call } from './call';

// What the client sends is the schemas' input (defaults may be left out); what it gets back
// are the DTOs the server produces.
export type CreateTrajectoryInput = z.input<typeof createTrajectoryRequest>;
export type UpdateTrajectoryInput = z.input<typeof updateTrajectoryRequest>;

/** Regions and organisations, to choose from. */
export const catalogueApi = {
  regions: (signal?: AbortSignal) => call('listRegions', {}, signal),
  organisations: (signal?: AbortSignal) => call('listOrganisations', {}, signal),
};

export const trajectoryApi = {
  list: (signal?: AbortSignal) => call('listTrajectories', {}, signal),
  get: (id: string, signal?: AbortSignal) => call('getTrajectory', { params: { trajectoryId: id } }, signal),
  create: (input: CreateTrajectoryInput) => call('createTrajectory', { body: input }),
  update: (id: string, input: UpdateTrajectoryInput) => call('updateTrajectory', { params: { trajectoryId: id }, body: input }),
};
