'use strict';
// Starts dynalite and prints the port it listens on. Unless DYNALITE_DETACHED is set, it exits when
// its stdin closes, so the engine never outlives the JVM that started it (even after kill -9).
const dynalite = require('dynalite');

const options = { createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 };
if (process.env.DYNALITE_PATH) options.path = process.env.DYNALITE_PATH;
const host = process.env.DYNALITE_HOST || '127.0.0.1';
const port = Number(process.env.DYNALITE_PORT || 0);

const server = dynalite(options);
server.on('error', (err) => {
  console.error('DYNALITE_ERROR ' + err.message);
  process.exit(1);
});
server.listen(port, host, () => {
  console.log('DYNALITE_LISTENING ' + server.address().port);
});

if (!process.env.DYNALITE_DETACHED) {
  const stop = () => process.exit(0);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
process.on('SIGTERM', () => process.exit(0));
