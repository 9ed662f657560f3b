/**
 * Exactly rounded floating-point summation (Shewchuk's algorithm, as in Python's math.fsum).
 *
 * The sum of the same numbers is the same double whatever their order, and partial sums (one per land use,
 * township or file) merge without losing anything. This is what makes "row order changes nothing" and "the total
 * is the sum of the townships" exact.
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

  /** The partials (nonoverlapping, smallest first) as they are kept: for ExactSums to take them over. */
  static fromPartials(partials: ArrayLike<number>): ExactSum {
    const sum = new ExactSum();
    for (let i = 0; i < partials.length; i++) sum.partials.push(partials[i]!);
    return sum;
  }
}

/** Partials a sum of ExactSums keeps in place; a sum that needs more moves to an ExactSum of its own. */
const PARTIALS = 4;
/** Per sum: the number of partials (-1: moved), the partials, and room for one more that absorb may write. */
const STRIDE = PARTIALS + 2;

/** Doubles in one block of ExactSums' storage: room for some 800 townships' sums. */
const BLOCK = 1 << 16;
let block = new Float64Array(0);
let blockUsed = 0;

/** Room for `size` doubles, zeroed, in the current block (a new one when it is full): where an ExactSums keeps its sums. */
function room(size: number): { data: Float64Array; start: number } {
  if (blockUsed + size > block.length) {
    block = new Float64Array(Math.max(BLOCK, size));
    blockUsed = 0;
  }
  const start = blockUsed;
  blockUsed += size;
  return { data: block, start };
}

/**
 * A few exact sums kept side by side in typed storage: a township's crop demand by land use and nutrient, and its
 * stock. A national run keeps them for 40,000 townships; the sums of hundreds of townships share one block, as a typed
 * array of its own for each would cost an allocation outside the heap and weigh on the garbage collector (0.13 s of a
 * national report). The partials are those an ExactSum fed the same numbers would have.
 */
export class ExactSums {
  private readonly data: Float64Array;
  /** Where the first sum starts in `data`. */
  private readonly start: number;
  private moved: Map<number, ExactSum> | undefined;

  constructor(count: number) {
    ({ data: this.data, start: this.start } = room(count * STRIDE));
  }

  add(sum: number, value: number): void {
    const base = this.start + sum * STRIDE;
    const n = this.data[base]!;
    if (n < 0) {
      this.moved!.get(sum)!.add(value);
      return;
    }
    const count = absorb(this.data, base + 1, n, value);
    if (count <= PARTIALS) this.data[base] = count;
    else {
      (this.moved ??= new Map()).set(sum, ExactSum.fromPartials(this.data.subarray(base + 1, base + 1 + count)));
      this.data[base] = -1;
    }
  }

  /** Whether anything was added to a sum. */
  has(sum: number): boolean {
    return this.data[this.start + sum * STRIDE] !== 0;
  }

  /** The exact sum of one or several of the sums, correctly rounded. */
  value(...sums: number[]): number {
    if (sums.length === 1) {
      const base = this.start + sums[0]! * STRIDE;
      const n = this.data[base]!;
      return n < 0 ? this.moved!.get(sums[0]!)!.value() : rounded(this.data, base + 1, n);
    }
    const total = new ExactSum();
    for (const sum of sums) {
      const base = this.start + sum * STRIDE;
      const n = this.data[base]!;
      if (n < 0) for (const partial of this.moved!.get(sum)!.toJSON()) total.add(partial);
      else for (let i = 1; i <= n; i++) total.add(this.data[base + i]!);
    }
    return total.value();
  }
}

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
