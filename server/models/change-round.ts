import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { AnnexEntryDto, FinalSnapshotDto } from '../../shared/schemas/final';
import type { SignoffRecord } from './final-agreement';

/** A change round as it is recorded: while open on the state, and copied into the version it sealed. */
export interface RoundRecord {
  minor: number;
  title: string;
  reason: string;
  openedAt: Date;
  openedBy: Types.ObjectId;
  appliesFrom: string;
  topicIds: Types.ObjectId[];
  clauseIds: Types.ObjectId[];
}

/** One line of the version index: enough to list versions and answer "which applies on date X" without reading snapshots. */
export interface VersionIndexEntry {
  minor: number;
  sealedAt: Date;
  appliesFrom: string;
  contentHash: string;
  roundTitle: string | null;
}

/**
 * The contract's change state, one per trajectory (`_id` is the trajectory's id): the round in
 * dialogue, if any, and the index of the sealed versions. Small and read by `_id` only: the
 * agreement's seal guard reads it on every change of the agreement.
 */
export interface ChangeRoundStateRecord {
  _id: Types.ObjectId;
  open: RoundRecord | null;
  versions: VersionIndexEntry[];
}

/**
 * A sealed version of the definitive agreement (`_id` is `<trajectoryId>:<label>`), written once
 * under a unique key and never updated: its snapshot still hashes to `contentHash`.
 */
export interface ContractVersionRecord {
  _id: string;
  trajectoryId: Types.ObjectId;
  minor: number;
  revision: number;
  snapshot: FinalSnapshotDto;
  contentHash: string;
  textHash: string;
  signoffs: SignoffRecord[];
  sealedAt: Date;
  appliesFrom: string;
  round: RoundRecord | null;
  trace: AnnexEntryDto[];
}

const roundSchema = new Schema<RoundRecord>(
  {
    minor: { type: Number, required: true },
    title: { type: String, required: true },
    reason: { type: String, required: true },
    openedAt: { type: Date, required: true },
    openedBy: { type: Schema.Types.ObjectId, required: true },
    appliesFrom: { type: String, required: true },
    topicIds: { type: [Schema.Types.ObjectId], default: [] },
    clauseIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { _id: false },
);

const stateSchema = new Schema<ChangeRoundStateRecord>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    open: { type: roundSchema, default: null },
    versions: {
      type: [
        new Schema<VersionIndexEntry>(
          { minor: Number, sealedAt: Date, appliesFrom: String, contentHash: String, roundTitle: { type: String, default: null } },
          { _id: false },
        ),
      ],
      default: [],
    },
  },
  { collection: 'change_rounds', versionKey: false, minimize: false },
);

const versionSchema = new Schema<ContractVersionRecord>(
  {
    _id: { type: String, required: true },
    trajectoryId: { type: Schema.Types.ObjectId, required: true },
    minor: { type: Number, required: true },
    revision: { type: Number, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    contentHash: { type: String, required: true },
    textHash: { type: String, required: true },
    signoffs: { type: Schema.Types.Mixed, default: [] },
    sealedAt: { type: Date, required: true },
    appliesFrom: { type: String, required: true },
    round: { type: roundSchema, default: null },
    trace: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'contract_versions', versionKey: false, minimize: false },
);

export const contractVersionId = (trajectoryId: unknown, minor: number): string => `${String(trajectoryId)}:1.${minor}`;

export const changeRoundStateModel = (c: Connection): Model<ChangeRoundStateRecord> =>
  (c.models.ChangeRoundState as Model<ChangeRoundStateRecord>) ?? c.model<ChangeRoundStateRecord>('ChangeRoundState', stateSchema);
export const contractVersionModel = (c: Connection): Model<ContractVersionRecord> =>
  (c.models.ContractVersion as Model<ContractVersionRecord>) ?? c.model<ContractVersionRecord>('ContractVersion', versionSchema);
