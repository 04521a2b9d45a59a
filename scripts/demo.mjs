#!/usr/bin/env node
// `npm start`: a sender's whole life through the library, against the stateful sandbox behind
// `prism proxy --errors` (both started here, on free ports, and stopped at the end):
// register → PENDING_VERIFICATION → verify → ONLINE → webhook change → ONLINE:UPDATING → ONLINE
// → list → delete. `npm start -- --live` does the same against Twilio with the TWILIO_* variables,
// asking before each write. Exits 0 when every step worked.
import { createInterface } from 'node:readline/promises';
import { createSendersClient, SendersError, statusKind } from 'whatsapp-senders';
import { startSandbox } from 'whatsapp-senders/testing';

const live = process.argv.includes('--live');
const begun = performance.now();
const clock = () => `${((performance.now() - begun) / 1000).toFixed(2).padStart(6)} s`;
const say = (line) => console.log(`${clock()}  ${line}`);

/** Runs one step, printing what it did and how long it took. */
async function step(name, work) {
  const started = performance.now();
  const result = await work();
  say(`${name.padEnd(8)} ${result.line}  (${Math.round(performance.now() - started)} ms)`);
  return result.value;
}

// Lines are read from one iterator, so that answers piped in ahead of their questions are kept.
const prompt = createInterface({ input: process.stdin });
const lines = prompt[Symbol.asyncIterator]();
const ask = async (question) => {
  process.stdout.write(question);
  const { value, done } = await lines.next();
  return done ? '' : value.trim();
};
/** In live mode, each write waits for a yes. */
const confirm = async (what) => {
  if (!live) return;
  if (!/^y(es)?$/i.test(await ask(`${what}? [y/N] `))) throw new Error(`stopped: ${what} was not confirmed`);
};

let sandbox;
let exitCode = 0;
try {
  let senders;
  let senderId = 'whatsapp:+15017122661';
  if (live) {
    senders = createSendersClient(); // TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN (or an API key): refused if missing
    say('live: https://messaging.twilio.com, with your TWILIO_* credentials');
    senderId = await ask('The number to register, as whatsapp:+E.164: ');
  } else {
    sandbox = await startSandbox({ lifecycle: 'timer', stepMs: 400 });
    say(`sandbox behind prism proxy --errors on ${sandbox.url}`);
    senders = createSendersClient({
      // The sandbox wants Basic auth, not real credentials.
      accountSid: `AC${'0'.repeat(32)}`,
      authToken: 'sandbox',
      baseUrl: sandbox.url,
    });
  }
  const waiting = { intervalMs: live ? 2_000 : 100, onStatus: (sender) => say(`         … ${sender.status}`) };

  await confirm(`Register ${senderId}`);
  const registered = await step('register', async () => {
    const sender = await senders.register(
      {
        sender_id: senderId,
        configuration: { verification_method: 'sms' },
        profile: { name: 'Example Motors', vertical: 'Automotive', emails: 'support@example.com' },
      },
      waiting,
    );
    return { value: sender, line: `${sender.sid} is ${sender.status}: the code is on its way to ${senderId}` };
  });

  let online = registered;
  if (statusKind(registered.status) === 'awaiting-code') {
    const code = live ? await ask(`The code sent to ${senderId}: `) : '123456';
    await confirm(`Verify ${registered.sid}`);
    online = await step('verify', async () => {
      const sender = await senders.verify(registered.sid, code, waiting);
      return { value: sender, line: `${sender.sid} is ${sender.status}` };
    });
  }

  const hook = 'https://example.com/hooks/whatsapp';
  await confirm(`Point the webhook of ${online.sid} at ${hook}`);
  await step('update', async () => {
    await senders.update(online.sid, { webhook: { callback_url: hook, callback_method: 'POST' } });
    const sender = await senders.waitForStatus(online.sid, ['ONLINE'], waiting);
    return { value: sender, line: `webhook → ${sender.webhook?.callback_url}; ${sender.status} again` };
  });

  await step('list', async () => {
    const seen = [];
    for await (const sender of senders.iterate({ pageSize: 50, limit: 200 })) seen.push(sender);
    for (const sender of seen.slice(0, 5)) say(`         ${sender.sid}  ${sender.sender_id}  ${sender.status}`);
    return { value: seen, line: `${seen.length} sender(s)` };
  });

  await confirm(`Delete ${online.sid}`);
  await step('delete', async () => {
    await senders.delete(online.sid);
    const gone = await senders.get(online.sid).catch((error) => error);
    return { value: undefined, line: `${online.sid} deleted; a get now says ${gone.status ?? gone.message}` };
  });
  say('done');
} catch (error) {
  console.error(`error: ${error instanceof SendersError || error instanceof Error ? error.message : String(error)}`);
  exitCode = error instanceof SendersError && error.name === 'ValidationError' ? 2 : 1;
} finally {
  prompt.close();
  await sandbox?.close();
}
process.exitCode = exitCode;
