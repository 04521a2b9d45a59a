// Run by Node inside the temporary project: the package is loaded by `require`.
const client = require('whatsapp-senders');

import('./scenario.mjs')
  .then(({ scenario }) => scenario(client, process.argv[2]))
  .then((result) => console.log(JSON.stringify(result)))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
