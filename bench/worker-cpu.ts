/** The trace events a V8 CPU profile arrives in (category `disabled-by-default-v8.cpu_profiler`), and thread names. */
export interface ProfileTraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  /** Ties a `Profile` to its `ProfileChunk`s, which may come from another thread of the same process. */
  id?: string;
  args?: {
    name?: string;
    data?: {
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      /** (µs) before each sample, since the one before it (the first: since the profile started). */
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string };
}

/** (ms) extensions' service workers spent running in V8, as its sampling profiler saw it, by whose code ran. */
export interface WorkerCpu {
  /** The extension's own scripts (`chrome-extension://`), with the browser APIs they called. */
  own: number;
  /** Chromium's extension bindings (`extensions::` scripts): dispatching `webRequest` events and messages. */
  bindings: number;
  /** Neither: V8's garbage collector, its compiler, and native work no script is on the stack for. */
  other: number;
}

/** The thread every extension service worker runs on, in the extension's renderer. */
const WORKER_THREAD = 'ServiceWorker thread';
const EXTENSION_PROCESS = 'Extension Renderer';

/** Whose code a frame is: the nearest frame, from the sampled one up the stack, that names a script decides. */
function owner(nodes: Map<number, ProfileNode>, id: number): keyof WorkerCpu | 'idle' {
  const top = nodes.get(id);
  if (top?.callFrame.functionName === '(idle)') return 'idle';
  for (let node = top; node; node = node.parent === undefined ? undefined : nodes.get(node.parent)) {
    const url = node.callFrame.url ?? '';
    if (url.startsWith('chrome-extension://')) return 'own';
    if (url.startsWith('extensions::')) return 'bindings';
  }
  return 'other';
}

/**
 * Splits the sampled time of every extension service worker in a trace (Chromium's trace of V8's sampling
 * profiler) by whose code it ran: the extension's, Chromium's extension bindings, or neither. Each sample stands
 * for the time since the one before it. Idle samples are left out, and so is each profile's first sample: it
 * stands for the time since the profile started, which a worker waiting for its first event spends asleep (one
 * such sample was 134 ms, more than all the rest of ten page loads).
 */
export function workerCpu(events: ProfileTraceEvent[]): WorkerCpu {
  const named = (kind: string) =>
    new Map(
      events
        .filter((e) => e.ph === 'M' && e.name === kind)
        .map((e) => [kind === 'process_name' ? `${e.pid}` : `${e.pid}:${e.tid}`, e.args?.name ?? '']),
    );
  const threads = named('thread_name');
  const processes = named('process_name');
  const profiles = new Set(
    events
      .filter(
        (e) =>
          e.name === 'Profile' &&
          threads.get(`${e.pid}:${e.tid}`) === WORKER_THREAD &&
          processes.get(`${e.pid}`) === EXTENSION_PROCESS,
      )
      .map((e) => `${e.pid}:${e.id}`),
  );
  const nodes = new Map<string, Map<number, ProfileNode>>();
  const started = new Set<string>();
  const cpu: WorkerCpu = { own: 0, bindings: 0, other: 0 };
  for (const event of events) {
    const profile = `${event.pid}:${event.id}`;
    if (event.name !== 'ProfileChunk' || !profiles.has(profile)) continue;
    const known = nodes.get(profile) ?? new Map<number, ProfileNode>();
    nodes.set(profile, known);
    const { cpuProfile, timeDeltas = [] } = event.args?.data ?? {};
    for (const node of cpuProfile?.nodes ?? []) known.set(node.id, node);
    (cpuProfile?.samples ?? []).forEach((id, i) => {
      if (!started.has(profile)) {
        started.add(profile);
        return;
      }
      const whose = owner(known, id);
      if (whose !== 'idle') cpu[whose] += (timeDeltas[i] ?? 0) / 1000;
    });
  }
  return cpu;
}
