/** The command line was wrong (a missing or conflicting option): exit code 2. */
export class UsageError extends Error {}

/** The data failed its checks (problems already printed), or --fail-on-overload found an overloaded township: exit code 1. */
export class DataFailure extends Error {}

export const EXIT = { ok: 0, data: 1, usage: 2, bug: 3 } as const;
