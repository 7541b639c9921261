import { z } from 'zod';
import { clientEventNames, clientEvents, serverEventNames, serverEvents, type ClientEventDoc, type ServerEventDoc } from '../../shared/api/socket-contract';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * The socket events of the contract (shared/api/socket-contract.ts) in the spirit of AsyncAPI,
 * for the OpenAPI document's `x-socket-events`: what a client sends (payload schema, policy
 * action, operation) and what the server sends (to whom, payload schema where one exists).
 */
export function socketEventsDocument(): unknown {
  const send = Object.fromEntries(
    clientEventNames.map((name) => {
      const doc: ClientEventDoc = clientEvents[name];
      return [name, { summary: doc.summary, payload: jsonSchema(doc.payload, 'input'), action: doc.action, ...(doc.operation ? { operation: doc.operation } : {}), acknowledged: doc.ackOptional ? 'optional' : 'always' }];
    }),
  );
  const receive = Object.fromEntries(
    serverEventNames.map((name) => {
      const doc: ServerEventDoc = serverEvents[name];
      return [name, { summary: doc.summary, to: doc.to, ...(doc.payload instanceof z.ZodType ? { payload: jsonSchema(doc.payload, 'output') } : {}) }];
    }),
  );
  return { path: '/socket.io', acknowledgement: '{ ok: true, … } or { ok: false, error: { code, message, fields? } }', send, receive };
}

/** A payload's fields as the README lists them: `sessionId, minutes?`. */
function fieldsOf(schema: z.ZodType): string {
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  const required = new Set(json.required ?? []);
  const fields = Object.keys(json.properties ?? {}).map((name) => (required.has(name) ? name : `${name}?`));
  return fields.length ? fields.map((f) => `\`${f}\``).join(', ') : '—';
}

/** The README's tables of socket events, made from the contract; test/unit/socket-contract.test.ts keeps the README equal to it. */
export function socketEventsMarkdown(): string {
  const lines = ['| client → server | payload | policy action | operation | what it does |', '| --- | --- | --- | --- | --- |'];
  for (const name of clientEventNames) {
    const doc: ClientEventDoc = clientEvents[name];
    lines.push(`| \`${name}\` | ${fieldsOf(doc.payload)} | ${doc.action ? `\`${doc.action}\`` : 'none (harmless)'} | ${doc.operation ? `\`${doc.operation}\`` : '—'} | ${doc.summary} |`);
  }
  lines.push('', '| server → client | to | what it says |', '| --- | --- | --- |');
  for (const name of serverEventNames) {
    const doc: ServerEventDoc = serverEvents[name];
    lines.push(`| \`${name}\` | ${doc.to} | ${doc.summary} |`);
  }
  return lines.join('\n');
}
