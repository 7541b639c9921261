import type { AttachmentParentKind } from '../../shared/schemas/attachments';
import type { Models } from '../models';

/**
 * Every file of a trajectory that is not removed, with its parent: for the search index, which
 * shows names only to those who may see the parent (shared/domain/attachments.ts). Kept apart
 * from the operations, which search must not import (they import the services search is part of).
 */
export async function listTrajectoryAttachments(models: Models, trajectoryId: string): Promise<Array<{ id: string; parentKind: AttachmentParentKind; parentId: string; name: string; uploadedAt: Date }>> {
  const records = await models.attachments.find({ trajectoryId, removedAt: null }, { parentKind: 1, parentId: 1, versions: 1 }).lean();
  return records.map((r) => {
    const last = r.versions[r.versions.length - 1]!;
    return { id: String(r._id), parentKind: r.parentKind, parentId: String(r.parentId), name: last.name, uploadedAt: last.uploadedAt };
  });
}
