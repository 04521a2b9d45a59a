// One scenario every runtime runs against the packed package: create, get, list, iterate, a 404.
// It takes the package's exports, so that each runtime loads the package its own way.

/** @returns {Promise<Record<string, unknown>>} what it saw; throws on anything unexpected */
export async function scenario({ createSendersClient, ApiError }, baseUrl) {
  const senders = createSendersClient({
    accountSid: 'AC0123456789abcdef0123456789abcdef',
    authToken: 'runtime-matrix-token',
    baseUrl,
  });
  const created = await senders.create({ sender_id: 'whatsapp:+15017122661', profile: { name: 'Example' } });
  const fetched = await senders.get(created.sid);
  const page = await senders.list({ pageSize: 2 });
  const walked = [];
  for await (const sender of senders.iterate({ pageSize: 2 })) walked.push(sender.sid);
  let notFound;
  try {
    await senders.get('XE00000000000000000000000000000000');
  } catch (error) {
    notFound = {
      isApiError: error instanceof ApiError,
      status: error.status,
      code: error.code,
      requestId: error.requestId,
    };
  }
  let refused;
  try {
    await senders.get('../Accounts');
  } catch (error) {
    refused = error.name;
  }
  return {
    created: created.status,
    fetched: fetched.sid,
    firstPage: page.senders.length,
    walked: walked.length,
    notFound,
    refused,
  };
}

/** What every runtime must report against scripts/package-tests/server.ts. */
export const expected = {
  created: 'CREATING',
  fetched: 'XE0123456789abcdef0123456789abcdef',
  firstPage: 2,
  walked: 5,
  notFound: { isApiError: true, status: 404, code: 20404, requestId: 'RQ0123456789abcdef0123456789abcdef' },
  refused: 'ValidationError',
};
