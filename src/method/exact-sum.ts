/**
 * Exactly rounded floating-point summation (Shewchuk's algorithm, as in Python's math.fsum).
 *
 * The sum of the same numbers is the same double whatever their order, and partial sums
 * (one per worker, file or township) merge without losing anything. This is what makes
 * "row order changes nothing" and "the total is the sum of the townships" exact.
 */
export class ExactSum {
  private partials: number[] = [];

  add(value: number): this {
    const p = this.partials;
    const n = absorb(p, 0, p.length, value);
    if (n < p.length) p.length = n;
    return this;
  }

  addAll(values: Iterable<number>): this {
    for (const v of values) this.add(v);
    return this;
  }

  /** The exact sum, correctly rounded to the nearest double (ties to even). */
  value(): number {
    return rounded(this.partials, 0, this.partials.length);
  }

  /** The partials: nonoverlapping, smallest first; their exact sum is the sum's. */
  toJSON(): number[] {
    return [...this.partials];
  }

  /** A sum from partials that toJSON gave (nonoverlapping, smallest first): taken as they are. */
  static fromPartials(partials: ArrayLike<number>): ExactSum {
    const sum = new ExactSum();
    for (let i = 0; i < partials.length; i++) sum.partials.push(partials[i]!);
    return sum;
  }
}

/** Some of a store's sums, to send to another thread: their data, and those kept apart (sum, partials). */
export interface ExactSumsSlice {
  readonly data: Float64Array;
  readonly overflow: readonly (readonly [number, readonly number[]])[];
}

/**
 * Many exact sums in one typed array — a national run keeps a dozen per township, for tens of thousands of
 * townships, and as objects they would weigh on memory and the garbage collector. Each sum has room for
 * `PARTIALS` partials (sums of rows mostly have two or three); one that needs more moves to an ExactSum of its own.
 * The partials are those an ExactSum fed the same numbers would have, so the two give the same values.
 */
export class ExactSums {
  /** Per sum: the number of partials (-1: moved to `overflow`), then the partials. */
  private data: Float64Array;
  private readonly overflow = new Map<number, ExactSum>();
  /** One past the last sum written to: the sums from here on are all empty (see addSums). */
  private end = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity * STRIDE);
  }

  /** Room for sums 0 … count - 1. */
  private room(count: number): void {
    if (count * STRIDE <= this.data.length) return;
    const grown = new Float64Array(Math.max(count, (this.data.length / STRIDE) * 2) * STRIDE);
    grown.set(this.data);
    this.data = grown;
  }

  add(sum: number, value: number): void {
    this.room(sum + 1);
    if (sum >= this.end) this.end = sum + 1;
    const base = sum * STRIDE;
    const n = this.data[base]!;
    if (n < 0) this.overflow.get(sum)!.add(value);
    else {
      // A sum has room for one partial more than it keeps, for absorb to write.
      const count = absorb(this.data, base + 1, n, value);
      if (count > PARTIALS) this.spill(sum, count);
      else this.data[base] = count;
    }
  }

  /**
   * Adds sums `fromSum` … `fromSum + count - 1` of another store (from another thread) to sums `sum` … of this one.
   * Those of this store's that nothing has been added to yet (from `end` on) take the other's in one copy.
   */
  addSums(sum: number, from: ExactSums, fromSum: number, count: number): void {
    this.room(sum + count);
    const data = this.data;
    const added = Math.max(0, Math.min(count, this.end - sum));
    for (let k = 0; k < added; k++) {
      const at = (fromSum + k) * STRIDE;
      const n = at < from.data.length ? from.data[at]! : 0;
      if (n === 0) continue;
      if (n < 0) {
        for (const partial of from.overflow.get(fromSum + k)!.toJSON()) this.add(sum + k, partial);
        continue;
      }
      const base = (sum + k) * STRIDE;
      // Into an empty sum, the partials are taken as they are.
      if (data[base] === 0) for (let i = 0; i <= n; i++) data[base + i] = from.data[at + i]!;
      else for (let i = 1; i <= n; i++) this.add(sum + k, from.data[at + i]!);
    }
    const first = fromSum + added;
    const to = Math.min(fromSum + count, from.count);
    if (to > first) {
      data.set(from.data.subarray(first * STRIDE, to * STRIDE), (sum + added) * STRIDE);
      // A sum moved to an ExactSum of its own (-1) is copied as one too.
      for (let k = first; k < to; k++)
        if (from.data[k * STRIDE]! < 0) this.overflow.set(sum + k - fromSum, ExactSum.fromPartials(from.overflow.get(k)!.toJSON()));
    }
    this.end = Math.max(this.end, sum + count);
  }

  has(sum: number): boolean {
    return sum * STRIDE < this.data.length && this.data[sum * STRIDE] !== 0;
  }

  value(sum: number): number {
    const base = sum * STRIDE;
    if (base >= this.data.length) return 0;
    const n = this.data[base]!;
    return n < 0 ? this.overflow.get(sum)!.value() : rounded(this.data, base + 1, n);
  }

  /** The exact sum of several of the store's sums (those of `sums`, or of its entries from … to), correctly rounded. */
  total(sums: ArrayLike<number>, from = 0, to = sums.length): number {
    const p = SCRATCH;
    const { data } = this;
    let n = 0;
    for (let s = from; s < to; s++) {
      const sum = sums[s]!;
      const base = sum * STRIDE;
      if (base >= data.length) continue;
      const count = data[base]!;
      if (count < 0) for (const partial of this.overflow.get(sum)!.toJSON()) n = absorb(p, 0, n, partial);
      else for (let i = 1; i <= count; i++) n = absorb(p, 0, n, data[base + i]!);
    }
    return rounded(p, 0, n);
  }

  /** Sums 0 … count - 1, to send to another thread: a view of the store's own data, which is not to change after. */
  slice(count: number): ExactSumsSlice {
    this.room(count);
    return { data: this.data.subarray(0, count * STRIDE), overflow: [...this.overflow].filter(([sum]) => sum < count).map(([sum, s]) => [sum, s.toJSON()]) };
  }

  /** The number of sums there is room for. */
  get count(): number {
    return this.data.length / STRIDE;
  }

  /** Sums from `slice`. */
  static from(slice: ExactSumsSlice): ExactSums {
    const sums = new ExactSums(0);
    sums.data = slice.data;
    sums.end = sums.count;
    for (const [sum, partials] of slice.overflow) sums.overflow.set(sum, ExactSum.fromPartials(partials));
    return sums;
  }

  /** Moves a sum of more partials than the store keeps to an ExactSum of its own. */
  private spill(sum: number, count: number): void {
    const base = sum * STRIDE;
    this.overflow.set(sum, ExactSum.fromPartials(this.data.subarray(base + 1, base + 1 + count)));
    this.data[base] = -1;
  }
}

/** Partials a sum keeps in the store; each has room for its count, these and one more. */
const PARTIALS = 4;
const STRIDE = PARTIALS + 2;
/** Partials of a total being worked out (ExactSums.total). */
const SCRATCH: number[] = [];

/**
 * Adds x to the nonoverlapping partials p[base … base + n) (smallest first), in place: returns their new number, at
 * most n + 1 (p[base + n] is then written, which must have room).
 */
function absorb(p: { [i: number]: number }, base: number, n: number, value: number): number {
  let x = value;
  let i = 0;
  for (let j = 0; j < n; j++) {
    let y = p[base + j]!;
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) p[base + i++] = lo;
    x = hi;
  }
  p[base + i] = x;
  return i + 1;
}

/** The exact sum of the partials p[base … base + n), correctly rounded to the nearest double (ties to even). */
function rounded(p: ArrayLike<number>, base: number, count: number): number {
  let n = count;
  if (n === 0) return 0;
  let hi = p[base + --n]!;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = p[base + --n]!;
    hi = x + y;
    const yr = hi - x;
    lo = y - yr;
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && p[base + n - 1]! < 0) || (lo > 0 && p[base + n - 1]! > 0))) {
    const y = lo * 2;
    const x = hi + y;
    const yr = x - hi;
    if (y === yr) hi = x;
  }
  return hi;
}

/** The exactly rounded sum of `values`. */
export function exactSum(values: Iterable<number>): number {
  return new ExactSum().addAll(values).value();
}
