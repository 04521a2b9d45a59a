// Run by Node, Deno and Bun inside the temporary project: the package is loaded by its name.
import * as client from 'whatsapp-senders';
import { scenario } from './scenario.mjs';

const baseUrl = globalThis.Deno ? Deno.args[0] : process.argv[2];
console.log(JSON.stringify(await scenario(client, baseUrl)));
