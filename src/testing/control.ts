// The control API, for a test outside the process (the contract suite's, say): POST a JSON body to
// `/__sandbox/status` ({ sid, status, offline_reasons? }), `/__sandbox/fail-next` ({ status, code?,
// count?, account? }) or `/__sandbox/rate-limit` ({ share, account? }). Each calls the sandbox's
// method of the same meaning, so that its arguments are checked once: a wrong one is a 400 naming it.
import type { Sandbox } from './options.js';
import type { Answer } from './routes.js';

/** The path under which the control API answers. */
export const controlPath = '/__sandbox/';

/** Carries out one control request: `action` is the path under `controlPath`, `text` its body. */
export function control(sandbox: Sandbox, action: string, text: string): Answer {
  try {
    const input = JSON.parse(text || '{}');
    if (action === 'status') sandbox.setStatus(input.sid, input.status, input.offline_reasons);
    else if (action === 'fail-next') sandbox.failNext(input.status, input.code, input.count, input.account);
    else if (action === 'rate-limit') sandbox.rateLimit(input.share, input.account);
    else return { status: 404, body: { message: `no control ${action}` } };
    return { status: 200, body: { ok: true } };
  } catch (error) {
    return { status: 400, body: { message: error instanceof Error ? error.message : String(error) } };
  }
}
