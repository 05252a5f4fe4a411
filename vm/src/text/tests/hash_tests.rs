//! Numeric, string, bytes and tuple hashes.

use num_bigint::BigInt;

use crate::text::hash::{
    hash_bytes, hash_complex, hash_float, hash_i64, hash_int, hash_key_from_seed, hash_pointer,
    hash_str, hash_tuple,
};

#[test]
fn int_hashes() {
    // PYENV_VERSION=3.13.0 python3 -c "for v in [0, 1, -1, -2, 2**61-1, 2**61, -(2**61), 2**61-2,
    //   -(2**61-2), 2**63-1, -(2**63), 10**100, -(10**100), -(2**61+1)]: print(v, hash(v))"
    let p61 = BigInt::from(2).pow(61);
    let e100 = BigInt::from(10).pow(100);
    let cases: [(BigInt, i64); 14] = [
        (0.into(), 0),
        (1.into(), 1),
        ((-1).into(), -2),
        ((-2).into(), -2),
        (&p61 - 1u32, 0),
        (p61.clone(), 1),
        (-&p61, -2),
        (&p61 - 2u32, 2305843009213693950),
        (-(&p61 - 2u32), -2305843009213693950),
        (i64::MAX.into(), 3),
        (i64::MIN.into(), -4),
        (e100.clone(), 910685213754167845),
        (-e100, -910685213754167845),
        (-(&p61 + 1u32), -2),
    ];
    for (v, want) in cases {
        assert_eq!(hash_int(&v), want, "hash({v})");
        if let Ok(small) = i64::try_from(&v) {
            assert_eq!(hash_i64(small), want, "hash({v})");
        }
    }
}

#[test]
fn float_hashes() {
    // PYENV_VERSION=3.13.0 python3 -c "for x in [0.5, -0.5, 1.5, 1e300, 5e-324, -1e-300, 2.0**61,
    //   2.0**-61, 3.141592653589793, float('inf'), float('-inf'), -1.0, 1e16]: print(repr(x), hash(x))"
    let cases: [(f64, i64); 14] = [
        (0.0, 0),
        (0.5, 1152921504606846976),
        (-0.5, -1152921504606846976),
        (1.5, 1152921504606846977),
        (1e300, 1224995262755759164),
        (5e-324, 16777216),
        (-1e-300, -482449582752280463),
        (2f64.powi(61), 1),
        (2f64.powi(-61), 1),
        (std::f64::consts::PI, 326490430436040707),
        (f64::INFINITY, 314159),
        (f64::NEG_INFINITY, -314159),
        (-1.0, -2),
        (1e16, 10000000000000000),
    ];
    for (x, want) in cases {
        assert_eq!(hash_float(x), Some(want), "hash({x:?})");
    }
    assert_eq!(hash_float(-0.0), Some(0));
    assert_eq!(hash_float(f64::NAN), None);
}

#[test]
fn tuple_and_complex_hashes() {
    // PYENV_VERSION=3.13.0 python3 -c "for t in [(), (1,), (1,2), ((1,2),3), (-1,), (1,-2,3)]:
    //   print(t, hash(t))"
    assert_eq!(hash_tuple(&[]), 5740354900026072187);
    assert_eq!(hash_tuple(&[1]), -6644214454873602895);
    assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
    assert_eq!(hash_tuple(&[hash_tuple(&[1, 2]), 3]), -333907151259015829);
    assert_eq!(hash_tuple(&[hash_i64(-1)]), 8078679518589016365);
    assert_eq!(hash_tuple(&[1, -2, 3]), -7250808254517930442);
    // PYENV_VERSION=3.13.0 python3 -c "print(hash(complex(1,2)), hash(complex(0,-1)), hash(1j),
    //   hash(complex(1.5, 0.5)))"
    let h = |x: f64| hash_float(x).expect("finite");
    assert_eq!(hash_complex(h(1.0), h(2.0)), 2000007);
    assert_eq!(hash_complex(h(0.0), h(-1.0)), -2000006);
    assert_eq!(hash_complex(h(0.0), h(1.0)), 1000003);
    assert_eq!(hash_complex(h(1.5), h(0.5)), 4611686018427387905);
    assert_eq!(hash_pointer(0x1234_5670), 0x0123_4567);
}

#[test]
fn str_and_bytes_hashes_for_several_seeds() {
    // for seed in 0 1 42; do PYTHONHASHSEED=$seed PYENV_VERSION=3.13.0 python3 -c "
    //   for s in ['', 'a', 'abc', 'héllo', '€', '日本語', '😀', 'a😀']: print(hash(s))
    //   print(hash(b'abc'))"; done
    let table: [(u32, [i64; 8]); 3] = [
        (
            0,
            [
                0,
                4644417185603328019,
                -4594863902769663758,
                6395329678795984700,
                -5529981157763016009,
                7116994712188270,
                -3536540696076613844,
                -6970120874385731343,
            ],
        ),
        (
            1,
            [
                0,
                -3012895188637184397,
                -4667308735975688587,
                4627783765987660535,
                4443362316794630049,
                4108418643989797081,
                7663130467274561019,
                7860550542609649698,
            ],
        ),
        (
            42,
            [
                0,
                -123207753977932514,
                3869580338025362921,
                -4058713343194919257,
                -9193319877017669544,
                337426736487537137,
                6601963133753205906,
                3739657454509745579,
            ],
        ),
    ];
    let texts = ["", "a", "abc", "héllo", "€", "日本語", "😀", "a😀"];
    for (seed, hashes) in table {
        let key = hash_key_from_seed(seed);
        for (text, want) in texts.iter().zip(hashes) {
            assert_eq!(hash_str(text, key), want, "seed {seed}: hash({text:?})");
        }
        // bytes hash like the Latin-1 str with the same code units
        assert_eq!(hash_bytes(b"abc", key), hashes[2]);
        assert_eq!(hash_bytes(b"", key), 0);
    }
    assert_eq!(hash_key_from_seed(0), (0, 0));
}
