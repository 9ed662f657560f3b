import { fuzzHalf } from './cli-fuzz.js';

// No input makes the CLI fail badly: 10,000 random and mutated inputs in all, in two files that run side by side
// (this is half 2 of them), and a few dozen through the real binary.
fuzzHalf(2);
