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
    let x = value;
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    // The array is kept at its exact length: push would give it room for a dozen more, and a national run holds
    // hundreds of thousands of sums with one to three partials each.
    if (i < p.length) {
      p[i] = x;
      if (i + 1 < p.length) p.length = i + 1;
    } else this.partials = p.concat(x);
    return this;
  }

  addAll(values: Iterable<number>): this {
    for (const v of values) this.add(v);
    return this;
  }

  merge(other: ExactSum): this {
    // Into an empty sum, the other's partials are already the exact sum's.
    if (this.partials.length === 0) this.partials = other.partials.slice();
    else for (const v of other.partials) this.add(v);
    return this;
  }

  /** The exact sum, correctly rounded to the nearest double (ties to even). */
  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
    return hi;
  }

  /** The internal partials, for sending a running sum between threads. */
  toJSON(): number[] {
    return [...this.partials];
  }

  /** A sum from partials that toJSON gave (nonoverlapping, smallest first): taken as they are. */
  static fromPartials(partials: ArrayLike<number>): ExactSum {
    const sum = new ExactSum();
    const n = partials.length;
    // Literals for the usual one to three partials: arrays of exactly that length, made fast.
    sum.partials =
      n === 1 ? [partials[0]!] : n === 2 ? [partials[0]!, partials[1]!] : n === 3 ? [partials[0]!, partials[1]!, partials[2]!] : Array.from(partials);
    return sum;
  }
}

/** The exactly rounded sum of `values`. */
export function exactSum(values: Iterable<number>): number {
  return new ExactSum().addAll(values).value();
}
