import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { OutgoingBatch, type Batch } from '../../server/collab/outgoing-batch';

describe('coalescing a document’s outgoing traffic', () => {
  it('sends a burst of keystrokes as one merged update, and only this node’s part to the other nodes', async () => {
    const batches: Batch[] = [];
    const batch = new OutgoingBatch(20, (b) => batches.push(b));
    const here = new Y.Doc();
    const elsewhere = new Y.Doc();
    const collect = (doc: Y.Doc, local: boolean) => doc.on('update', (update: Uint8Array) => batch.addUpdate(update, local));
    collect(here, true);
    collect(elsewhere, false);
    for (const ch of 'zorgcontinuïteit') here.getText('t').insert(here.getText('t').length, ch);
    elsewhere.getText('u').insert(0, 'elders');
    batch.addAwareness([7, 8], true);
    batch.addAwareness([8, 9], false);
    expect(batches).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 60));

    expect(batches).toHaveLength(1);
    const [sent] = batches;
    const everything = new Y.Doc();
    Y.applyUpdate(everything, sent!.update!);
    expect(everything.getText('t').toString()).toBe('zorgcontinuïteit');
    expect(everything.getText('u').toString()).toBe('elders');
    const local = new Y.Doc();
    Y.applyUpdate(local, sent!.localUpdate!);
    expect(local.getText('t').toString()).toBe('zorgcontinuïteit');
    expect(local.getText('u').toString()).toBe('');
    expect(sent!.awarenessClients.sort()).toEqual([7, 8, 9]);
    expect(sent!.localAwarenessClients.sort()).toEqual([7, 8]);
  });

  it('sends what waits at once on flush, and nothing when nothing waits', () => {
    const batches: Batch[] = [];
    const batch = new OutgoingBatch(10_000, (b) => batches.push(b));
    batch.flush();
    expect(batches).toHaveLength(0);
    batch.addAwareness([1], false);
    batch.flush();
    expect(batches).toEqual([{ update: null, localUpdate: null, awarenessClients: [1], localAwarenessClients: [] }]);
    batch.cancel();
  });
});
