import { z } from 'zod';

// Extension CSP forbids `Function('')`, which zod 4 probes for its JIT unless told not to.
z.config({ jitless: true });

export { z };
