/**
 * One value per process, made by whichever code asks first. A production build compiles
 * instrumentation.ts and each route into bundles that carry their own copy of every module they
 * import, so a module-level `let` exists once per bundle: the /v1 fast path (installed from
 * instrumentation) and the /v1 route handler would each keep their own gateway, connection pool
 * and counters. State that must be one per process is kept on globalThis under a registered
 * symbol instead (dev reloads keep it too).
 */
export function perProcess<T>(name: string, create: () => T): T {
  const key = Symbol.for(`mistral-console.${name}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}
