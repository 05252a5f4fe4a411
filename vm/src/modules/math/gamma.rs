//! CPython's own `gamma` and `lgamma` (it does not use the platform's `tgamma`/`lgamma`):
//! a Lanczos approximation (N = 13, g = 6.024680040776729583740234375, the Boost
//! parameters) written as a rational function, with a correction term for the rounding of
//! `x + g - 0.5`, and the reflection formula for negative arguments. Every step is the
//! same IEEE operation in the same order as CPython, and `exp`, `pow`, `log`, `sin`, `cos`
//! come from the platform libm through `std`, so the results agree to the last bit.

// The coefficients keep the digits they were published with.
#![allow(clippy::excessive_precision)]

/// A math error a libm-style function reports through `errno`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MathErr {
    /// EDOM: a pole or an invalid argument.
    Domain,
    /// ERANGE: the result overflowed (or underflowed).
    Range,
}

const PI: f64 = std::f64::consts::PI;
const LOG_PI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_759_688_572_007_674_451_636_754_734_846_804_940,
    42_919_803_642.649_098_768_957_899_047_001_988_850_926_355_848_959,
    35_711_959_237.355_668_049_440_185_451_547_166_705_960_488_635_843,
    17_921_034_426.037_209_699_919_755_754_458_931_112_671_403_265_390,
    6_039_542_586.352_028_005_064_291_644_307_297_921_069_938_842_070_8,
    1_439_720_407.311_721_673_663_223_072_794_912_393_971_548_578_677_2,
    248_874_557.862_054_156_511_460_386_413_229_423_216_321_251_278_01,
    31_426_415.585_400_194_380_614_231_628_318_205_362_874_684_987_640,
    2_876_370.628_935_372_441_225_409_051_620_849_613_599_114_537_876_8,
    186_056.265_395_223_495_040_294_989_716_045_699_282_207_842_363_28,
    8_071.672_002_365_816_210_638_002_902_272_250_613_821_851_632_502_4,
    210.824_277_751_579_345_872_509_733_920_713_362_711_669_695_802_91,
    2.506_628_274_631_000_270_164_908_177_133_837_338_626_431_079_340_8,
];
/// The denominator x*(x+1)*...*(x+11) expanded.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];
/// gamma(1) through gamma(23), exact.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362_880.0,
    3_628_800.0,
    39_916_800.0,
    479_001_600.0,
    6_227_020_800.0,
    87_178_291_200.0,
    1_307_674_368_000.0,
    20_922_789_888_000.0,
    355_687_428_096_000.0,
    6_402_373_705_728_000.0,
    121_645_100_408_832_000.0,
    2_432_902_008_176_640_000.0,
    51_090_942_171_709_440_000.0,
    1_124_000_727_777_607_680_000.0,
];

/// sin(pi*x) for finite x, accurate near integers (used by the reflection formula).
pub fn sin_pi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    // C's round(): halves away from zero, as Rust's `round`.
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // Not -sin(pi*(y-1)): that gives -0.0 at y == 1.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// The Lanczos sum L_g(x) for positive x, as a rational function (in 1/x for large x,
/// which avoids overflow and loses less accuracy).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    let coeffs = LANCZOS_NUM.iter().zip(LANCZOS_DEN.iter());
    if x < 5.0 {
        for (n, d) in coeffs.rev() {
            num = num * x + n;
            den = den * x + d;
        }
    } else {
        for (n, d) in coeffs {
            num = num / x + n;
            den = den / x + d;
        }
    }
    num / den
}

/// The gamma function; the `Err` carries the value C would return with errno set.
pub fn tgamma(x: f64) -> Result<f64, (f64, MathErr)> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err((f64::NAN, MathErr::Domain));
    }
    if x == 0.0 {
        return Err((f64::INFINITY.copysign(x), MathErr::Domain));
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err((f64::NAN, MathErr::Domain));
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err((r, MathErr::Range))
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / sin_pi(x));
        }
        return Err((f64::INFINITY, MathErr::Range));
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, computed so that no step rounds.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sin_pi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err((r, MathErr::Range));
    }
    Ok(r)
}

/// The natural log of |gamma(x)|; `Err` as for [`tgamma`].
pub fn lgamma(x: f64) -> Result<f64, (f64, MathErr)> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err((f64::INFINITY, MathErr::Domain));
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = LOG_PI - sin_pi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err((r, MathErr::Range));
    }
    Ok(r)
}
