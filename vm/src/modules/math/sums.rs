//! The accurate summations of `math`: `fsum` (Shewchuk's exact partials, rounded once
//! with CPython's half-even fix-up), the vector norm behind `hypot` and `dist` (power-of-two
//! scaling, exact squares by fma, compensated sums and one differential correction of the
//! square root), and the triple-length accumulation behind `sumprod` (Ogita, Rump and
//! Oishi's error-free transformations). Each follows CPython's operation order so results
//! agree to the last bit.

/// A number as an unevaluated sum `hi + lo`.
#[derive(Clone, Copy)]
pub struct DoubleLength {
    pub hi: f64,
    pub lo: f64,
}

/// `a + b` exactly, given |a| >= |b|.
fn fast_two_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    let y = (a - x) + b;
    DoubleLength { hi: x, lo: y }
}

/// `a + b` exactly, for any magnitudes.
fn two_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    let z = x - a;
    let y = (a - (x - z)) + (b - z);
    DoubleLength { hi: x, lo: y }
}

/// `x * y` exactly (the fused multiply-add recovers the rounding error).
fn two_product(x: f64, y: f64) -> DoubleLength {
    let z = x * y;
    let zz = x.mul_add(y, -z);
    DoubleLength { hi: z, lo: zz }
}

/// A sum carried in three doubles.
#[derive(Clone, Copy, Default)]
pub struct TripleLength {
    pub hi: f64,
    pub lo: f64,
    pub tiny: f64,
}

impl TripleLength {
    /// `self + x*y` (Algorithm 5.10 with SumKVert for K = 3).
    pub fn add_product(self, x: f64, y: f64) -> TripleLength {
        let pr = two_product(x, y);
        let sm = two_sum(self.hi, pr.hi);
        let r1 = two_sum(self.lo, pr.lo);
        let r2 = two_sum(r1.hi, sm.lo);
        TripleLength {
            hi: sm.hi,
            lo: r2.hi,
            tiny: self.tiny + r1.lo + r2.lo,
        }
    }

    pub fn to_f64(self) -> f64 {
        let last = two_sum(self.lo, self.hi);
        self.tiny + last.lo + last.hi
    }
}

/// Why an exact float sum failed.
pub enum FsumError {
    /// A finite partial sum overflowed.
    IntermediateOverflow,
    /// `inf` and `-inf` both appeared.
    InfMinusInf,
}

/// Shewchuk's running sum: non-overlapping partials in increasing magnitude, plus the
/// sums of the infinities and NaNs seen (which bypass the partials).
#[derive(Default)]
pub struct ExactSum {
    partials: Vec<f64>,
    special_sum: f64,
    inf_sum: f64,
}

impl ExactSum {
    pub fn add(&mut self, value: f64) -> Result<(), FsumError> {
        let mut x = value;
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Either the summands hold an inf or nan, or a partial overflowed.
                if value.is_finite() {
                    return Err(FsumError::IntermediateOverflow);
                }
                if value.is_infinite() {
                    self.inf_sum += value;
                }
                self.special_sum += value;
                self.partials.clear();
            } else {
                self.partials.push(x);
            }
        }
        Ok(())
    }

    /// The correctly rounded (half-even) total.
    pub fn total(&self) -> Result<f64, FsumError> {
        if self.special_sum != 0.0 {
            if self.inf_sum.is_nan() {
                return Err(FsumError::InfMinusInf);
            }
            return Ok(self.special_sum);
        }
        let p = &self.partials;
        let mut n = p.len();
        let mut hi = 0.0;
        let mut lo = 0.0;
        if n > 0 {
            n -= 1;
            hi = p[n];
            // Add from the top while the sum stays exact.
            while n > 0 {
                let x = hi;
                n -= 1;
                let y = p[n];
                hi = x + y;
                let yr = hi - x;
                lo = y - yr;
                if lo != 0.0 {
                    break;
                }
            }
            // Half-even rounding across partials: when the rest pushes the same way as
            // the rounding error, a tie is not a tie.
            if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
                let y = lo * 2.0;
                let x = hi + y;
                let yr = x - hi;
                if y == yr {
                    hi = x;
                }
            }
        }
        Ok(hi)
    }
}

/// sqrt(sum(x*x for x in vec)) with CPython's accurate algorithm; `vec` holds absolute
/// values, `max` the largest of them (inf if an infinity is present).
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp(max).1;
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: make subnormals normal first.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -i64::from(max_e));
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    let mut frac2 = 0.0;
    for &v in vec.iter() {
        let x = v * scale;
        let pr = two_product(x, x);
        let sm = fast_two_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = two_product(-h, h);
    let sm = fast_two_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// C's `frexp`: `x == m * 2**e` with 0.5 <= |m| < 1 (m = x, e = 0 for 0, inf, nan).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    if exp_field == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp_field - 1022)
}

/// C's `ldexp`: `x * 2**n` with a single rounding (subnormal results round correctly).
pub fn ldexp(x: f64, n: i64) -> f64 {
    let mut y = x;
    let mut n = n.clamp(-3000, 3000);
    let two_1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    // 2**-1022 * 2**53: stepping down by this keeps intermediate results normal, so only
    // the last multiplication rounds.
    let two_m969 = f64::from_bits(0x0360_0000_0000_0000);
    if n > 1023 {
        y *= two_1023;
        n -= 1023;
        if n > 1023 {
            y *= two_1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        y *= two_m969;
        n += 1022 - 53;
        if n < -1022 {
            y *= two_m969;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}
