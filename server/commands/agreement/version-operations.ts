import * as Y from 'yjs';
import { bytes } from '../../db/binary';
import { clauseDocumentName } from '../../../shared/domain/agreement';
import { clauseFragment, cloneContent, documentText, replaceContent } from '../../../shared/domain/clause-text';
import { compareSummary, compareTexts } from '../../../shared/domain/compare';
import { compareQuery, createVersionRequest, restoreVersionRequest, type VersionDto } from '../../../shared/schemas/agreement';
import { id } from '../../../shared/schemas/common';
import { AppError, notFound } from '../../errors';
import type { ClauseRecord } from '../../models/agreement';
import type { AgreementVersionRecord, VersionDocumentRecord } from '../../models/agreement-version';
import { defineTrajectoryOperation, noBody, type OperationContext } from '../operation';
import { trajectoryParams } from '../trajectories/trajectory-operations';
import { findClause } from './agreement-operations';
import { clauseLabels } from './agreement-views';
import { userNames } from '../user-names';

const versionParams = trajectoryParams.extend({ versionId: id });

function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

function versionView(v: Omit<AgreementVersionRecord, 'documents'>, names: Map<string, string>): VersionDto {
  return {
    id: String(v._id),
    name: v.name,
    clauseId: v.clauseId ? String(v.clauseId) : null,
    createdBy: v.createdBy ? { id: String(v.createdBy), name: names.get(String(v.createdBy)) ?? '—' } : null,
    createdAt: v.createdAt.toISOString(),
  };
}

/** The live state of every document of the clauses: the regional text and each variant. */
async function captureDocuments(ctx: OperationContext, trajectoryId: string, clauses: ClauseRecord[]): Promise<VersionDocumentRecord[]> {
  const labels = await clauseLabels(ctx.services.models, trajectoryId);
  const documents: VersionDocumentRecord[] = [];
  for (const clause of clauses) {
    const parts = [{ variantId: null as string | null, label: null as string | null }, ...clause.variants.map((v) => ({ variantId: String(v._id), label: v.label }))];
    for (const part of parts) {
      const state = await ctx.services.documents.state(clauseDocumentName(trajectoryId, String(clause._id), part.variantId));
      const doc = docFrom(state);
      documents.push({
        clauseId: clause._id,
        variantId: part.variantId as never,
        number: labels.get(String(clause._id))?.number ?? 0,
        title: clause.title,
        variantLabel: part.label,
        state: Buffer.from(state),
        text: documentText(doc),
      });
      doc.destroy();
    }
  }
  return documents;
}

export const listVersions = defineTrajectoryOperation({
  name: 'version.list',
  action: 'agreement.view',
  params: trajectoryParams,
  body: noBody,
  run: async (ctx, p) => {
    const versions = await ctx.services.models.versions.find({ trajectoryId: p.trajectoryId }, { documents: 0 }).sort({ createdAt: -1 }).lean();
    const names = await userNames(ctx.services.models, versions.map((v) => v.createdBy));
    return { result: versions.map((v) => versionView(v, names)) };
  },
});

/** A named version ("na dialoogsessie 2") of one clause or of the whole agreement. */
export const createVersion = defineTrajectoryOperation({
  name: 'version.create',
  action: 'version.create',
  params: trajectoryParams,
  body: createVersionRequest,
  run: async (ctx, p, body, access) => {
    const { models } = ctx.services;
    const clauses = body.clauseId ? [await findClause(models, p.trajectoryId, body.clauseId)] : await models.clauses.find({ trajectoryId: p.trajectoryId }).lean();
    const documents = await captureDocuments(ctx, p.trajectoryId, clauses);
    const version = await models.versions.create({ trajectoryId: p.trajectoryId, clauseId: body.clauseId, name: body.name, documents, createdBy: access.user.userId });
    return {
      result: versionView(version.toObject(), new Map([[access.user.userId, access.user.name]])),
      audit: [{ chain: p.trajectoryId, action: 'version.create', objectType: 'version', objectId: String(version._id), summary: { name: body.name, clauseId: body.clauseId, documents: documents.length } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'versions' }],
    };
  },
});

async function findVersion(ctx: OperationContext, trajectoryId: string, versionId: string) {
  const version = await ctx.services.models.versions.findOne({ _id: versionId, trajectoryId }).lean();
  if (!version) throw notFound();
  return version;
}

/** A version's documents, to show read-only: their Yjs state and their plain text. */
export const getVersion = defineTrajectoryOperation({
  name: 'version.view',
  action: 'agreement.view',
  params: versionParams,
  body: noBody,
  run: async (ctx, p) => {
    const version = await findVersion(ctx, p.trajectoryId, p.versionId);
    const names = await userNames(ctx.services.models, [version.createdBy]);
    return {
      result: {
        ...versionView(version, names),
        documents: version.documents.map((d) => ({
          clauseId: String(d.clauseId),
          variantId: d.variantId ? String(d.variantId) : null,
          number: d.number,
          title: d.title,
          variantLabel: d.variantLabel,
          state: Buffer.from(bytes(d.state)).toString('base64'),
          text: d.text,
        })),
      },
    };
  },
});

function documentOf(version: AgreementVersionRecord, clauseId: string, variantId: string | null): VersionDocumentRecord | undefined {
  return version.documents.find((d) => String(d.clauseId) === clauseId && (d.variantId ? String(d.variantId) : null) === variantId);
}

/** A word-level comparison of one clause's text between two versions, or a version and now. */
export const compareVersions = defineTrajectoryOperation({
  name: 'version.compare',
  action: 'agreement.view',
  params: trajectoryParams,
  body: compareQuery,
  run: async (ctx, p, query) => {
    const clause = await findClause(ctx.services.models, p.trajectoryId, query.clauseId);
    const variantId = query.variantId ?? null;
    if (variantId && !clause.variants.some((v) => String(v._id) === variantId)) throw notFound();
    const side = async (which: string): Promise<{ label: string; text: string }> => {
      if (which === 'current') {
        const doc = docFrom(await ctx.services.documents.state(clauseDocumentName(p.trajectoryId, query.clauseId, variantId)));
        const text = documentText(doc);
        doc.destroy();
        return { label: 'current', text };
      }
      const version = await findVersion(ctx, p.trajectoryId, which);
      const document = documentOf(version, query.clauseId, variantId);
      if (!document) throw new AppError('validation_failed', 'The input is not valid.', { [which === query.from ? 'from' : 'to']: 'this version does not contain the clause' });
      return { label: version.name, text: document.text };
    };
    const [from, to] = [await side(query.from), await side(query.to)];
    const segments = compareTexts(from.text, to.text);
    return { result: { from: from.label, to: to.label, segments, summary: compareSummary(segments) } };
  },
});

/** Puts a version's text back as a new edit: history stays, everyone sees the change live. */
export const restoreVersion = defineTrajectoryOperation({
  name: 'version.restore',
  action: 'version.restore',
  params: versionParams,
  body: restoreVersionRequest,
  locks: ['agreement'],
  guards: ['agreementOpen'],
  run: async (ctx, p, body) => {
    const clause = await findClause(ctx.services.models, p.trajectoryId, body.clauseId);
    if (clause.status === 'fixed') throw new AppError('conflict', 'This clause has been fixed; its text does not change any more.');
    const version = await findVersion(ctx, p.trajectoryId, p.versionId);
    const document = documentOf(version, body.clauseId, body.variantId);
    if (!document) throw new AppError('validation_failed', 'The input is not valid.', { clauseId: 'this version does not contain the clause' });
    const source = docFrom(bytes(document.state));
    await ctx.services.documents.change(clauseDocumentName(p.trajectoryId, body.clauseId, body.variantId), (doc) =>
      replaceContent(clauseFragment(doc), cloneContent(clauseFragment(source))),
    );
    source.destroy();
    return {
      result: { restored: true },
      audit: [{ chain: p.trajectoryId, action: 'version.restore', objectType: 'clause', objectId: body.clauseId, summary: { versionId: p.versionId, name: version.name, variantId: body.variantId } }],
      publish: [{ trajectoryId: p.trajectoryId, what: 'agreement' }],
    };
  },
});
