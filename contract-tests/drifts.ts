// The kinds of drift the contract suite must catch, as changes an upstream makes to its answers: shared by
// drift.test.ts (one call through prism proxy) and proxy-suite.test.ts (the proxy-mode suite, run whole).

export type Body = Record<string, unknown>;
const isSender = (body: Body) => typeof body === 'object' && body !== null && 'sid' in body;

/** Each kind of drift: how the upstream changes a sender, and the field the failure must name. */
export const drifts: Record<string, { change: (sender: Body) => Body; field: string }> = {
  'a wrong type': { change: (sender) => ({ ...sender, sender_id: 15017122661 }), field: 'sender_id' },
  'a missing required field': {
    change: ({ status: _status, ...sender }) => sender,
    field: 'status',
  },
  'a status outside the enum': { change: (sender) => ({ ...sender, status: 'SUSPENDED' }), field: 'status' },
  'a field the spec does not know': {
    change: (sender) => ({ ...sender, throughput_tier: 'standard' }),
    field: 'throughput_tier',
  },
};
export const unchanged = (sender: Body) => sender;
/** How Prism names the field at fault: its path, or the property it found or missed. */
export const naming = (field: string) =>
  new RegExp(`response\\.body\\.(senders\\.\\d+\\.)?${field}\\b|property '${field}'|found '${field}'`);
let number = 0;
/** A sender id of its own for each call: deterministic, so that a failure replays. */
export const senderId = () => `whatsapp:+1556${String(++number).padStart(8, '0')}`;

/** Applies `change` to every sender in a body: a sender itself, or each sender of a page. */
export const everySender = (change: (sender: Body) => Body) => (body: Body) =>
  isSender(body)
    ? change(body)
    : Array.isArray(body.senders)
      ? { ...body, senders: body.senders.map((sender: Body) => change(sender)) }
      : body;
