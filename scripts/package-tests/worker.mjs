// The same scenario as a Cloudflare Worker, bundled with the package and run in workerd.
import * as client from 'whatsapp-senders';
import { scenario } from './scenario.mjs';

export default {
  async fetch(_request, env) {
    try {
      return Response.json(await scenario(client, env.BASE_URL));
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
