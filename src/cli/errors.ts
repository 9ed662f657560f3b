export { UsageError } from '../app/present.js';

/** The data failed its checks (problems already printed), or --fail-on-overload found an overloaded township: exit code 1. */
export class DataFailure extends Error {}

export const EXIT = { ok: 0, data: 1, usage: 2, bug: 3 } as const;
