import { startDemoServer } from './server';

/** Port used when `DEMO_PORT` is not set. */
const DEFAULT_PORT = 4400;

const port = Number(process.env.DEMO_PORT ?? DEFAULT_PORT);
const demo = await startDemoServer({ port });
console.info(`Demo dashboard: ${demo.url}/acme/settings`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void demo.close().then(() => process.exit(0));
  });
}
