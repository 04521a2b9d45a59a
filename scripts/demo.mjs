#!/usr/bin/env node
// `npm start`: the client's whole round (create, get, update, list, delete) against a
// Prism mock of the spec that this script starts and stops itself. Exits 0 on success.
import { createSendersClient } from 'whatsapp-senders';
import { startPrism } from './prism.mjs';

const prism = await startPrism();
console.log(`Prism mock of openapi/senders.yaml on ${prism.url}; it answers from the spec's examples,`);
console.log('so each call shows an example sender rather than the one created.\n');
try {
  const senders = createSendersClient({
    // Prism checks that Basic auth is present; these are not real credentials.
    accountSid: 'AC00000000000000000000000000000000',
    authToken: 'demo-token',
    baseUrl: prism.url,
  });

  const created = await senders.create({
    sender_id: 'whatsapp:+15017122661',
    configuration: { waba_id: '1234567890', verification_method: 'sms' },
    profile: { name: 'Example Motors', vertical: 'Automotive', emails: 'support@example.com' },
  });
  console.log(`create  ${created.sid}  ${created.status}`);

  const fetched = await senders.get(created.sid, { headers: { Prefer: 'example=pending-verification' } });
  console.log(`get     ${fetched.sid}  ${fetched.status}`);

  const updated = await senders.update(fetched.sid, { configuration: { verification_code: '123456' } });
  console.log(`update  ${updated.sid}  ${updated.status}`);

  const page = await senders.list({ pageSize: 2 });
  for (const sender of page.senders) console.log(`list    ${sender.sid}  ${sender.status}  ${sender.sender_id}`);
  console.log(`        next page: ${page.meta.next_page_url ?? 'none'}`);

  await senders.delete(updated.sid);
  console.log(`delete  ${updated.sid}  done`);

  try {
    await senders.get(updated.sid, { headers: { Prefer: 'code=404' } });
  } catch (error) {
    console.log(`get     after delete: ${error.name}: ${error.message}`);
  }
} finally {
  await prism.close();
}
