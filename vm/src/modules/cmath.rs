//! `cmath`: mathematical functions on complex numbers with CPython's results bit for bit:
//! the same formulas (Kahan-style inverse functions, rescaling against overflow and
//! subnormals, `log1p` near |z| = 1), C99 Annex G special values for infinities and NaNs
//! (one 7×7 table per function, indexed by the classes of the real and imaginary parts),
//! and CPython's errors: `ValueError('math domain error')` where Annex G signals
//! divide-by-zero or invalid, `OverflowError('math range error')` on overflow.

use std::f64::consts::{E, LN_2, LN_10, PI};

use crate::builtins::complex::{c_quot_raw, complex_abs};
use crate::interp::args::Args;
use crate::modules::math::libm::asinh;
use crate::modules::math::sums::ldexp;
use crate::modules::math::{IscloseArgs, bind_isclose};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int, int_to_f64};
use crate::types::function::NativeFn;
use crate::vm::Vm;

type C = (f64, f64);

/// What a computation signals besides its value (CPython's errno after the C function).
#[derive(Clone, Copy, PartialEq)]
enum Signal {
    None,
    Domain,
    Range,
}

/// Creates the `cmath` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("cmath", dict.clone());
    let functions: [(&'static str, NativeFn); 23] = [
        ("acos", cmath_acos),
        ("acosh", cmath_acosh),
        ("asin", cmath_asin),
        ("asinh", cmath_asinh),
        ("atan", cmath_atan),
        ("atanh", cmath_atanh),
        ("cos", cmath_cos),
        ("cosh", cmath_cosh),
        ("exp", cmath_exp),
        ("log10", cmath_log10),
        ("sin", cmath_sin),
        ("sinh", cmath_sinh),
        ("sqrt", cmath_sqrt),
        ("tan", cmath_tan),
        ("tanh", cmath_tanh),
        ("log", cmath_log),
        ("phase", cmath_phase),
        ("polar", cmath_polar),
        ("rect", cmath_rect),
        ("isfinite", cmath_isfinite),
        ("isinf", cmath_isinf),
        ("isnan", cmath_isnan),
        ("isclose", cmath_isclose),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    let constants = [
        ("pi", vm.new_float(PI)),
        ("e", vm.new_float(E)),
        ("tau", vm.new_float(std::f64::consts::TAU)),
        ("inf", vm.new_float(f64::INFINITY)),
        ("nan", vm.new_float(f64::NAN)),
        ("infj", vm.new_complex(0.0, f64::INFINITY)),
        ("nanj", vm.new_complex(0.0, f64::NAN)),
    ];
    for (name, v) in constants {
        vm.set_item_str(&dict, name, v)?;
    }
    Ok(module)
}

// ---------------------------------------------------------------- special values

const INF: f64 = f64::INFINITY;
const N: f64 = f64::NAN;
const P: f64 = PI;
const P14: f64 = 0.25 * PI;
const P12: f64 = 0.5 * PI;
const P34: f64 = 0.75 * PI;
/// A table slot that finite arguments use (never read).
const U: C = (f64::NAN, f64::NAN);

/// The class of a double: −inf, negative, −0, +0, positive, +inf, NaN.
fn class(d: f64) -> usize {
    if d.is_finite() {
        match (d != 0.0, d.is_sign_positive()) {
            (true, true) => 4,
            (true, false) => 1,
            (false, true) => 3,
            (false, false) => 2,
        }
    } else if d.is_nan() {
        6
    } else if d > 0.0 {
        5
    } else {
        0
    }
}

type Table = [[C; 7]; 7];

fn special(z: C, table: &Table) -> Option<C> {
    if z.0.is_finite() && z.1.is_finite() {
        None
    } else {
        Some(table[class(z.0)][class(z.1)])
    }
}

// Rows: the real part's class; columns: the imaginary part's (order of `class`).
const ACOS: Table = [
    [
        (P34, INF),
        (P, INF),
        (P, INF),
        (P, -INF),
        (P, -INF),
        (P34, -INF),
        (N, INF),
    ],
    [(P12, INF), U, U, U, U, (P12, -INF), (N, N)],
    [
        (P12, INF),
        U,
        (P12, 0.),
        (P12, -0.),
        U,
        (P12, -INF),
        (P12, N),
    ],
    [
        (P12, INF),
        U,
        (P12, 0.),
        (P12, -0.),
        U,
        (P12, -INF),
        (P12, N),
    ],
    [(P12, INF), U, U, U, U, (P12, -INF), (N, N)],
    [
        (P14, INF),
        (0., INF),
        (0., INF),
        (0., -INF),
        (0., -INF),
        (P14, -INF),
        (N, INF),
    ],
    [(N, INF), (N, N), (N, N), (N, N), (N, N), (N, -INF), (N, N)],
];
const ACOSH: Table = [
    [
        (INF, -P34),
        (INF, -P),
        (INF, -P),
        (INF, P),
        (INF, P),
        (INF, P34),
        (INF, N),
    ],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [
        (INF, -P12),
        U,
        (0., -P12),
        (0., P12),
        U,
        (INF, P12),
        (N, P12),
    ],
    [
        (INF, -P12),
        U,
        (0., -P12),
        (0., P12),
        U,
        (INF, P12),
        (N, P12),
    ],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [
        (INF, -P14),
        (INF, -0.),
        (INF, -0.),
        (INF, 0.),
        (INF, 0.),
        (INF, P14),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];
const ASINH: Table = [
    [
        (-INF, -P14),
        (-INF, -0.),
        (-INF, -0.),
        (-INF, 0.),
        (-INF, 0.),
        (-INF, P14),
        (-INF, N),
    ],
    [(-INF, -P12), U, U, U, U, (-INF, P12), (N, N)],
    [
        (-INF, -P12),
        U,
        (-0., -0.),
        (-0., 0.),
        U,
        (-INF, P12),
        (N, N),
    ],
    [(INF, -P12), U, (0., -0.), (0., 0.), U, (INF, P12), (N, N)],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [
        (INF, -P14),
        (INF, -0.),
        (INF, -0.),
        (INF, 0.),
        (INF, 0.),
        (INF, P14),
        (INF, N),
    ],
    [
        (INF, N),
        (N, N),
        (N, -0.),
        (N, 0.),
        (N, N),
        (INF, N),
        (N, N),
    ],
];
const ATANH: Table = [
    [
        (-0., -P12),
        (-0., -P12),
        (-0., -P12),
        (-0., P12),
        (-0., P12),
        (-0., P12),
        (-0., N),
    ],
    [(-0., -P12), U, U, U, U, (-0., P12), (N, N)],
    [
        (-0., -P12),
        U,
        (-0., -0.),
        (-0., 0.),
        U,
        (-0., P12),
        (-0., N),
    ],
    [(0., -P12), U, (0., -0.), (0., 0.), U, (0., P12), (0., N)],
    [(0., -P12), U, U, U, U, (0., P12), (N, N)],
    [
        (0., -P12),
        (0., -P12),
        (0., -P12),
        (0., P12),
        (0., P12),
        (0., P12),
        (0., N),
    ],
    [
        (0., -P12),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (0., P12),
        (N, N),
    ],
];
const COSH: Table = [
    [(INF, N), U, (INF, 0.), (INF, -0.), U, (INF, N), (INF, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, 0.), U, (1., 0.), (1., -0.), U, (N, 0.), (N, 0.)],
    [(N, 0.), U, (1., -0.), (1., 0.), U, (N, 0.), (N, 0.)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(INF, N), U, (INF, -0.), (INF, 0.), U, (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.), (N, 0.), (N, N), (N, N), (N, N)],
];
const EXP: Table = [
    [(0., 0.), U, (0., -0.), (0., 0.), U, (0., 0.), (0., 0.)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(N, N), U, (1., -0.), (1., 0.), U, (N, N), (N, N)],
    [(N, N), U, (1., -0.), (1., 0.), U, (N, N), (N, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(INF, N), U, (INF, -0.), (INF, 0.), U, (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];
const LOG: Table = [
    [
        (INF, -P34),
        (INF, -P),
        (INF, -P),
        (INF, P),
        (INF, P),
        (INF, P34),
        (INF, N),
    ],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [(INF, -P12), U, (-INF, -P), (-INF, P), U, (INF, P12), (N, N)],
    [
        (INF, -P12),
        U,
        (-INF, -0.),
        (-INF, 0.),
        U,
        (INF, P12),
        (N, N),
    ],
    [(INF, -P12), U, U, U, U, (INF, P12), (N, N)],
    [
        (INF, -P14),
        (INF, -0.),
        (INF, -0.),
        (INF, 0.),
        (INF, 0.),
        (INF, P14),
        (INF, N),
    ],
    [(INF, N), (N, N), (N, N), (N, N), (N, N), (INF, N), (N, N)],
];
const SINH: Table = [
    [(INF, N), U, (-INF, -0.), (-INF, 0.), U, (INF, N), (INF, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(0., N), U, (-0., -0.), (-0., 0.), U, (0., N), (0., N)],
    [(0., N), U, (0., -0.), (0., 0.), U, (0., N), (0., N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(INF, N), U, (INF, -0.), (INF, 0.), U, (INF, N), (INF, N)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];
const SQRT: Table = [
    [
        (INF, -INF),
        (0., -INF),
        (0., -INF),
        (0., INF),
        (0., INF),
        (INF, INF),
        (N, INF),
    ],
    [(INF, -INF), U, U, U, U, (INF, INF), (N, N)],
    [(INF, -INF), U, (0., -0.), (0., 0.), U, (INF, INF), (N, N)],
    [(INF, -INF), U, (0., -0.), (0., 0.), U, (INF, INF), (N, N)],
    [(INF, -INF), U, U, U, U, (INF, INF), (N, N)],
    [
        (INF, -INF),
        (INF, -0.),
        (INF, -0.),
        (INF, 0.),
        (INF, 0.),
        (INF, INF),
        (INF, N),
    ],
    [
        (INF, -INF),
        (N, N),
        (N, N),
        (N, N),
        (N, N),
        (INF, INF),
        (N, N),
    ],
];
const TANH: Table = [
    [(-1., 0.), U, (-1., -0.), (-1., 0.), U, (-1., 0.), (-1., 0.)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(-0., N), U, (-0., -0.), (-0., 0.), U, (-0., N), (-0., N)],
    [(0., N), U, (0., -0.), (0., 0.), U, (0., N), (0., N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(1., 0.), U, (1., -0.), (1., 0.), U, (1., 0.), (1., 0.)],
    [(N, N), (N, N), (N, -0.), (N, 0.), (N, N), (N, N), (N, N)],
];
const RECT: Table = [
    [(INF, N), U, (-INF, 0.), (-INF, -0.), U, (INF, N), (INF, N)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(0., 0.), U, (-0., 0.), (-0., -0.), U, (0., 0.), (0., 0.)],
    [(0., 0.), U, (0., -0.), (0., 0.), U, (0., 0.), (0., 0.)],
    [(N, N), U, U, U, U, (N, N), (N, N)],
    [(INF, N), U, (INF, -0.), (INF, 0.), U, (INF, N), (INF, N)],
    [(N, N), (N, N), (N, 0.), (N, 0.), (N, N), (N, N), (N, N)],
];

// ---------------------------------------------------------------- the functions

/// Arguments beyond this risk overflow inside the formulas.
const LARGE: f64 = f64::MAX / 4.0;
/// The scaling that turns a subnormal into a normal (an odd power of two) and its half.
const SCALE_UP: i64 = 2 * (f64::MANTISSA_DIGITS as i64 / 2) + 1;
const SCALE_DOWN: i64 = -(SCALE_UP + 1) / 2;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

fn neg(z: C) -> C {
    (-z.0, -z.1)
}

fn c_sqrt(z: C) -> C {
    if let Some(r) = special(z, &SQRT) {
        return r;
    }
    if z.0 == 0.0 && z.1 == 0.0 {
        return (0.0, z.1);
    }
    let mut ax = z.0.abs();
    let ay = z.1.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // hypot of subnormals would lose bits: scale up first
        ax = ldexp(ax, SCALE_UP);
        ldexp((ax + ax.hypot(ldexp(ay, SCALE_UP))).sqrt(), SCALE_DOWN)
    } else {
        ax /= 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.0 >= 0.0 {
        (s, d.copysign(z.1))
    } else {
        (d, s.copysign(z.1))
    }
}

fn c_acos(z: C) -> C {
    if let Some(r) = special(z, &ACOS) {
        return r;
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let re = z.1.abs().atan2(z.0);
        let im = -((z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0).copysign(z.1);
        (re, im)
    } else {
        let s1 = c_sqrt((1.0 - z.0, -z.1));
        let s2 = c_sqrt((1.0 + z.0, z.1));
        (2.0 * s1.0.atan2(s2.0), asinh(s2.0 * s1.1 - s2.1 * s1.0))
    }
}

fn c_acosh(z: C) -> C {
    if let Some(r) = special(z, &ACOSH) {
        return r;
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        (
            (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0,
            z.1.atan2(z.0),
        )
    } else {
        let s1 = c_sqrt((z.0 - 1.0, z.1));
        let s2 = c_sqrt((z.0 + 1.0, z.1));
        (asinh(s1.0 * s2.0 + s1.1 * s2.1), 2.0 * s1.1.atan2(s2.0))
    }
}

fn c_asinh(z: C) -> C {
    if let Some(r) = special(z, &ASINH) {
        return r;
    }
    if z.0.abs() > LARGE || z.1.abs() > LARGE {
        let m = (z.0 / 2.0).hypot(z.1 / 2.0).ln() + LN_2 * 2.0;
        let re = if z.1 >= 0.0 {
            m.copysign(z.0)
        } else {
            -m.copysign(-z.0)
        };
        (re, z.1.atan2(z.0.abs()))
    } else {
        let s1 = c_sqrt((1.0 + z.1, -z.0));
        let s2 = c_sqrt((1.0 - z.1, z.0));
        (
            asinh(s1.0 * s2.1 - s2.0 * s1.1),
            z.1.atan2(s1.0 * s2.0 - s1.1 * s2.1),
        )
    }
}

fn c_asin(z: C) -> C {
    // asin(z) = -i asinh(iz)
    let s = c_asinh((-z.1, z.0));
    (s.1, -s.0)
}

fn c_atanh(z: C) -> (C, Signal) {
    if let Some(r) = special(z, &ATANH) {
        return (r, Signal::None);
    }
    if z.0 < 0.0 {
        let (r, sig) = c_atanh(neg(z));
        return (neg(r), sig);
    }
    let ay = z.1.abs();
    if z.0 > sqrt_large() || ay > sqrt_large() {
        // |z| large: atanh(z) ~ 1/z ± i pi/2
        let h = (z.0 / 2.0).hypot(z.1 / 2.0);
        ((z.0 / 4.0 / h / h, (PI / 2.0).copysign(z.1)), Signal::None)
    } else if z.0 == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            ((INF, z.1), Signal::Domain)
        } else {
            (
                (
                    -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
                    (2.0f64.atan2(-ay) / 2.0).copysign(z.1),
                ),
                Signal::None,
            )
        }
    } else {
        let re = (4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)).ln_1p() / 4.0;
        let im = -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
        ((re, im), Signal::None)
    }
}

fn c_atan(z: C) -> (C, Signal) {
    // atan(z) = -i atanh(iz)
    let (s, sig) = c_atanh((-z.1, z.0));
    ((s.1, -s.0), sig)
}

/// `cosh`/`sinh`/`exp` of an infinite real part with a finite nonzero imaginary part take
/// their signs from cos and sin of the imaginary part.
fn c_cosh(z: C) -> (C, Signal) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            } else {
                (INF.copysign(z.1.cos()), -INF.copysign(z.1.sin()))
            }
        } else {
            COSH[class(z.0)][class(z.1)]
        };
        let sig = if z.1.is_infinite() && !z.0.is_nan() {
            Signal::Domain
        } else {
            Signal::None
        };
        return (r, sig);
    }
    let r = if z.0.abs() > log_large() {
        let x1 = z.0 - 1.0f64.copysign(z.0);
        (z.1.cos() * x1.cosh() * E, z.1.sin() * x1.sinh() * E)
    } else {
        (z.1.cos() * z.0.cosh(), z.1.sin() * z.0.sinh())
    };
    (r, overflow_signal(r))
}

fn c_sinh(z: C) -> (C, Signal) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            } else {
                (-INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            }
        } else {
            SINH[class(z.0)][class(z.1)]
        };
        let sig = if z.1.is_infinite() && !z.0.is_nan() {
            Signal::Domain
        } else {
            Signal::None
        };
        return (r, sig);
    }
    let r = if z.0.abs() > log_large() {
        let x1 = z.0 - 1.0f64.copysign(z.0);
        (z.1.cos() * x1.sinh() * E, z.1.sin() * x1.cosh() * E)
    } else {
        (z.1.cos() * z.0.sinh(), z.1.sin() * z.0.cosh())
    };
    (r, overflow_signal(r))
}

fn c_exp(z: C) -> (C, Signal) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            if z.0 > 0.0 {
                (INF.copysign(z.1.cos()), INF.copysign(z.1.sin()))
            } else {
                (0.0f64.copysign(z.1.cos()), 0.0f64.copysign(z.1.sin()))
            }
        } else {
            EXP[class(z.0)][class(z.1)]
        };
        let sig = if z.1.is_infinite() && (z.0.is_finite() || z.0 == INF) {
            Signal::Domain
        } else {
            Signal::None
        };
        return (r, sig);
    }
    let r = if z.0 > log_large() {
        let l = (z.0 - 1.0).exp();
        (l * z.1.cos() * E, l * z.1.sin() * E)
    } else {
        let l = z.0.exp();
        (l * z.1.cos(), l * z.1.sin())
    };
    (r, overflow_signal(r))
}

fn c_tanh(z: C) -> (C, Signal) {
    if !z.0.is_finite() || !z.1.is_finite() {
        let r = if z.0.is_infinite() && z.1.is_finite() && z.1 != 0.0 {
            let sign = 0.0f64.copysign(2.0 * z.1.sin() * z.1.cos());
            if z.0 > 0.0 { (1.0, sign) } else { (-1.0, sign) }
        } else {
            TANH[class(z.0)][class(z.1)]
        };
        let sig = if z.1.is_infinite() && z.0.is_finite() {
            Signal::Domain
        } else {
            Signal::None
        };
        return (r, sig);
    }
    if z.0.abs() > log_large() {
        return (
            (
                1.0f64.copysign(z.0),
                4.0 * z.1.sin() * z.1.cos() * (-2.0 * z.0.abs()).exp(),
            ),
            Signal::None,
        );
    }
    let tx = z.0.tanh();
    let ty = z.1.tan();
    let cx = 1.0 / z.0.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    (
        (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx),
        Signal::None,
    )
}

fn c_cos(z: C) -> (C, Signal) {
    // cos(z) = cosh(iz)
    c_cosh((-z.1, z.0))
}

fn c_sin(z: C) -> (C, Signal) {
    // sin(z) = -i sinh(iz)
    let (s, sig) = c_sinh((-z.1, z.0));
    ((s.1, -s.0), sig)
}

fn c_tan(z: C) -> (C, Signal) {
    // tan(z) = -i tanh(iz)
    let (s, sig) = c_tanh((-z.1, z.0));
    ((s.1, -s.0), sig)
}

fn c_log(z: C) -> (C, Signal) {
    if let Some(r) = special(z, &LOG) {
        return (r, Signal::None);
    }
    let ax = z.0.abs();
    let ay = z.1.abs();
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            let digits = f64::MANTISSA_DIGITS as i64;
            ldexp(ax, digits).hypot(ldexp(ay, digits)).ln() - digits as f64 * LN_2
        } else {
            return ((-INF, z.1.atan2(z.0)), Signal::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            // near |z| = 1: log1p keeps the digits that ln(h) would cancel
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    ((re, z.1.atan2(z.0)), Signal::None)
}

fn overflow_signal(r: C) -> Signal {
    if r.0.is_infinite() || r.1.is_infinite() {
        Signal::Range
    } else {
        Signal::None
    }
}

// ---------------------------------------------------------------- Python glue

/// A complex argument as CPython's `D` format converts it: complex, `__complex__`, or a
/// real number (`__float__`, `__index__`).
fn complex_arg(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return Ok((*re, *im));
    }
    if let Some(f) = as_float(v) {
        return Ok((f, 0.0));
    }
    if let Some(i) = as_int(v) {
        return Ok((int_to_f64(&i)?, 0.0));
    }
    if let Some(m) = vm.lookup_special(v, "__complex__") {
        let r = vm.call(&m, &[v.clone()])?;
        if let Some(Payload::Complex(re, im)) = r.payload() {
            return Ok((*re, *im));
        }
        return Err(PyErr::type_error(format!(
            "__complex__ returned non-complex (type {})",
            vm.type_name(&r)
        )));
    }
    Ok((real_arg(vm, v)?, 0.0))
}

fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return int_to_f64(&i);
    }
    if vm.lookup_special(v, "__float__").is_some() || vm.lookup_special(v, "__index__").is_some() {
        return vm.to_f64(v);
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        vm.type_name(v)
    )))
}

fn one_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<C> {
    args.no_keywords(&format!("cmath.{name}"))?;
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            pos.len()
        )));
    }
    complex_arg(vm, &pos[0])
}

fn finish(vm: &mut Vm, r: C, sig: Signal) -> PyResult<Value> {
    match sig {
        Signal::None => Ok(vm.new_complex(r.0, r.1)),
        Signal::Domain => Err(PyErr::value_error("math domain error")),
        Signal::Range => Err(PyErr::overflow_error("math range error")),
    }
}

macro_rules! plain_fn {
    ($name:ident, $py:literal, $f:ident) => {
        fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            let z = one_arg(vm, &args, $py)?;
            let r = $f(z);
            finish(vm, r, Signal::None)
        }
    };
}

macro_rules! signalling_fn {
    ($name:ident, $py:literal, $f:ident) => {
        fn $name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            let z = one_arg(vm, &args, $py)?;
            let (r, sig) = $f(z);
            finish(vm, r, sig)
        }
    };
}

plain_fn!(cmath_acos, "acos", c_acos);
plain_fn!(cmath_acosh, "acosh", c_acosh);
plain_fn!(cmath_asin, "asin", c_asin);
plain_fn!(cmath_asinh, "asinh", c_asinh);
plain_fn!(cmath_sqrt, "sqrt", c_sqrt);
signalling_fn!(cmath_atan, "atan", c_atan);
signalling_fn!(cmath_atanh, "atanh", c_atanh);
signalling_fn!(cmath_cos, "cos", c_cos);
signalling_fn!(cmath_cosh, "cosh", c_cosh);
signalling_fn!(cmath_exp, "exp", c_exp);
signalling_fn!(cmath_sin, "sin", c_sin);
signalling_fn!(cmath_sinh, "sinh", c_sinh);
signalling_fn!(cmath_tan, "tan", c_tan);
signalling_fn!(cmath_tanh, "tanh", c_tanh);

fn cmath_log10(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = one_arg(vm, &args, "log10")?;
    let (r, sig) = c_log(z);
    finish(vm, (r.0 / LN_10, r.1 / LN_10), sig)
}

fn cmath_log(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("log")?;
    let pos = args.positional();
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error(if pos.is_empty() {
            "log expected at least 1 argument, got 0".to_string()
        } else {
            format!("log expected at most 2 arguments, got {}", pos.len())
        }));
    }
    let z = complex_arg(vm, &pos[0])?;
    let (mut r, mut sig) = c_log(z);
    if let Some(base) = pos.get(1) {
        let b = complex_arg(vm, base)?;
        let (lb, sig_b) = c_log(b);
        if sig == Signal::None {
            sig = sig_b;
        }
        match c_quot_raw(r, lb) {
            Some(q) => r = q,
            None => sig = Signal::Domain,
        }
    }
    finish(vm, r, sig)
}

fn real_pair(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<C> {
    one_arg(vm, args, name)
}

fn cmath_phase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = real_pair(vm, &args, "phase")?;
    Ok(vm.new_float(z.1.atan2(z.0)))
}

fn cmath_polar(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = real_pair(vm, &args, "polar")?;
    let phi = z.1.atan2(z.0);
    let r = complex_abs(z.0, z.1).map_err(|_| PyErr::overflow_error("math range error"))?;
    let (r, phi) = (vm.new_float(r), vm.new_float(phi));
    Ok(vm.new_tuple(vec![r, phi]))
}

fn cmath_rect(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("rect")?;
    let pos = args.positional();
    if pos.len() != 2 {
        return Err(PyErr::type_error(format!(
            "rect expected 2 arguments, got {}",
            pos.len()
        )));
    }
    let r = real_arg(vm, &pos[0])?;
    let phi = real_arg(vm, &pos[1])?;
    let (z, sig) = if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            if r > 0.0 {
                (INF.copysign(phi.cos()), INF.copysign(phi.sin()))
            } else {
                (-INF.copysign(phi.cos()), -INF.copysign(phi.sin()))
            }
        } else {
            RECT[class(r)][class(phi)]
        };
        let sig = if r != 0.0 && !r.is_nan() && phi.is_infinite() {
            Signal::Domain
        } else {
            Signal::None
        };
        (z, sig)
    } else if phi == 0.0 {
        ((r, r * phi), Signal::None)
    } else {
        ((r * phi.cos(), r * phi.sin()), Signal::None)
    };
    finish(vm, z, sig)
}

fn cmath_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = one_arg(vm, &args, "isfinite")?;
    Ok(Value::from_bool(z.0.is_finite() && z.1.is_finite()))
}

fn cmath_isinf(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = one_arg(vm, &args, "isinf")?;
    Ok(Value::from_bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn cmath_isnan(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let z = one_arg(vm, &args, "isnan")?;
    Ok(Value::from_bool(z.0.is_nan() || z.1.is_nan()))
}

fn cmath_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let IscloseArgs {
        a,
        b: c,
        rel_tol,
        abs_tol,
    } = bind_isclose(vm, &args, complex_arg, real_arg)?;
    if a.0 == c.0 && a.1 == c.1 {
        return Ok(Value::TRUE);
    }
    if a.0.is_infinite() || a.1.is_infinite() || c.0.is_infinite() || c.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (a.0 - c.0).hypot(a.1 - c.1);
    let close =
        diff <= rel_tol * c.0.hypot(c.1) || diff <= rel_tol * a.0.hypot(a.1) || diff <= abs_tol;
    Ok(Value::from_bool(close))
}
