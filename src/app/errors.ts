/** The command line (or a library caller) asked for something that cannot be done as asked: exit code 2. */
export class UsageError extends Error {}
