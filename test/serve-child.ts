// A server in a process of its own for the load tests, with the options given as JSON: clients in the test process
// then take no time from the server's event loop. Prints its address, stops on SIGTERM.
import { startServer, type ServerOptions } from '../src/server/app';

const options = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
const server = await startServer({ port: 0, ...options, log: (l) => console.error(l) });
console.log(`listening ${server.url}/`);
process.once('SIGTERM', () => {
  void server.close().then(() => {
    console.log('stopped');
    process.exit(0);
  });
});
