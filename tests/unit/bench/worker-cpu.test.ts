import { describe, expect, it } from 'vitest';
import { workerCpu, type ProfileTraceEvent } from '../../../bench/worker-cpu';

const EXTENSION = 'chrome-extension://abcdefghijklmnop';
const meta = (name: string, pid: number, tid: number, value: string): ProfileTraceEvent => ({
  name,
  ph: 'M',
  pid,
  tid,
  args: { name: value },
});
const frame = (id: number, functionName: string, url?: string, parent?: number) => ({
  id,
  ...(parent === undefined ? {} : { parent }),
  callFrame: { functionName, ...(url === undefined ? {} : { url }) },
});

/** An extension renderer (pid 10) whose service worker (tid 12) was sampled, and a page's main thread (pid 20). */
function trace(): ProfileTraceEvent[] {
  return [
    meta('process_name', 10, 0, 'Extension Renderer'),
    meta('thread_name', 10, 12, 'ServiceWorker thread'),
    meta('process_name', 20, 0, 'Renderer'),
    meta('thread_name', 20, 20, 'CrRendererMain'),
    { name: 'Profile', ph: 'P', pid: 10, tid: 12, id: '0x1' },
    { name: 'Profile', ph: 'P', pid: 20, tid: 20, id: '0x1' },
    // The first chunk defines the stack: the bindings call the extension's listener, which calls a native URL().
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid: 10,
      tid: 15,
      id: '0x1',
      args: {
        data: {
          cpuProfile: {
            nodes: [
              frame(1, '(root)'),
              frame(2, '(idle)', undefined, 1),
              frame(3, '', 'extensions::webRequestEvent', 1),
              frame(4, 'sent', `${EXTENSION}/background.js`, 3),
              frame(5, 'URL', undefined, 4),
              frame(6, '(garbage collector)', undefined, 1),
            ],
            // The first sample stands for the time since the profile started, asleep: never counted.
            samples: [3, 2, 3, 4],
          },
          timeDeltas: [134_000, 5000, 1000, 2000],
        },
      },
    },
    // A later chunk of the same profile, from another thread of that process: its nodes come from the first.
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid: 10,
      tid: 16,
      id: '0x1',
      args: { data: { cpuProfile: { samples: [5, 6] }, timeDeltas: [500, 250] } },
    },
    // The page's own profile has the same id in another process: not a service worker, not counted.
    {
      name: 'ProfileChunk',
      ph: 'P',
      pid: 20,
      tid: 20,
      id: '0x1',
      args: {
        data: {
          cpuProfile: { nodes: [frame(4, 'page', `${EXTENSION}/bridge.js`)], samples: [4] },
          timeDeltas: [9000],
        },
      },
    },
  ];
}

describe("the bench's split of a service worker's CPU", () => {
  it("gives each sample to the nearest script on its stack, and leaves idle time, the profile's start and other threads' out", () => {
    expect(workerCpu(trace())).toEqual({ own: 2.5, bindings: 1, other: 0.25 });
  });

  it('finds nothing in a trace without an extension service worker', () => {
    const pageOnly = trace().filter((event) => event.pid !== 10);
    expect(workerCpu(pageOnly)).toEqual({ own: 0, bindings: 0, other: 0 });
  });
});
