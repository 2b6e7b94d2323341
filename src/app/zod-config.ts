// zod without its eval-compiled fast path: the production CSP (script-src 'self', no
// 'unsafe-eval') forbids `new Function`, and zod's probe for it would be a CSP violation.
// Imported first by providers.tsx, which main.tsx imports before any schema module: zod reads
// this setting when each object schema is built.
import { z } from 'zod/mini';

z.config({ jitless: true });
