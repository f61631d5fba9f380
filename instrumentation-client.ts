// Runs in the browser before the dashboard's own code. Zod compiles object parsers with `new Function`
// when it may, and probes for that at the first schema; under our Content-Security-Policy (no
// 'unsafe-eval', see lib/security-headers.ts) the probe is a reported violation. Parsing without the
// compiled fast path is plenty fast for forms.
import { z } from "zod";

z.config({ jitless: true });
