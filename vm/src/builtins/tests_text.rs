//! Unit tests of the str, bytes, number, formatting and codec methods, driven without the
//! compiler: each test calls builtin methods on values built in Rust and compares a
//! Python-style rendering of the result with what CPython 3.13 prints (recorded with
//! `python3 -c 'print(repr(EXPR))'`; the expression is in each row).

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::ErrRepr;
use crate::vm::{Config, Vm};

fn vm() -> Vm {
    Vm::new(Config {
        hash_seed: Some(0),
        ..Config::default()
    })
}

/// A Python-style repr of simple values (the repr module is not needed).
fn show(vm: &mut Vm, v: &Value) -> String {
    if v.is_none() {
        return "None".into();
    }
    if let Some(b) = v.as_bool() {
        return if b { "True" } else { "False" }.into();
    }
    if v.is(&Value::NOT_IMPLEMENTED) {
        return "NotImplemented".into();
    }
    if let Some(s) = v.as_str() {
        return crate::text::str_repr::py_str_repr(s);
    }
    if crate::runtime::numbers::as_int(v).is_some()
        || crate::runtime::numbers::as_float(v).is_some()
        || matches!(v.payload(), Some(Payload::Complex(..)))
    {
        return super::number_methods::number_repr(vm, v).unwrap_or_default();
    }
    if matches!(v.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_))) {
        return super::bytes::bytes_value_repr(vm, v);
    }
    if let Some(items) = v.as_tuple() {
        let items = items.to_vec();
        let parts: Vec<String> = items.iter().map(|x| show(vm, x)).collect();
        if parts.len() == 1 {
            return format!("({},)", parts[0]);
        }
        return format!("({})", parts.join(", "));
    }
    if let Some(l) = v.as_list() {
        let items = l.borrow().clone();
        let parts: Vec<String> = items.iter().map(|x| show(vm, x)).collect();
        return format!("[{}]", parts.join(", "));
    }
    if let Some(d) = v.as_dict() {
        let items = d.borrow().items();
        let parts: Vec<String> = items
            .iter()
            .map(|(k, x)| format!("{}: {}", show(vm, k), show(vm, x)))
            .collect();
        return format!("{{{}}}", parts.join(", "));
    }
    format!("<{}>", vm.type_name(v))
}

/// `Type: message` of an error.
fn show_err(vm: &mut Vm, e: crate::runtime::errors::PyErr) -> String {
    match e.into_repr() {
        ErrRepr::Lazy(kind, msg) => format!("{}: {msg}", kind.name()),
        ErrRepr::LazyArgs(kind, args) => {
            let a: Vec<String> = args.iter().map(|x| show(vm, x)).collect();
            format!("{}: {}", kind.name(), a.join(", "))
        }
        ErrRepr::Object(v) => {
            let name = vm.type_name(&v);
            let args = v
                .as_exception()
                .map(|e| e.args.borrow().clone())
                .and_then(|a| a.as_tuple().and_then(|t| t.first().cloned()));
            let msg = match args {
                Some(a) => a
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| show(vm, &a)),
                None => String::new(),
            };
            format!("{name}: {msg}")
        }
    }
}

/// `recv.name(*args, **kwargs)` rendered as a repr or `Type: message`.
fn call_kw(vm: &mut Vm, recv: Value, name: &str, args: Vec<Value>, kw: &[(&str, Value)]) -> String {
    let method = match vm.getattr_str(&recv, name) {
        Ok(m) => m,
        Err(e) => return show_err(vm, e),
    };
    let mut values = args;
    let mut names = Vec::new();
    for (k, v) in kw {
        values.push(v.clone());
        names.push(vm.new_str(k));
    }
    let r = vm.call_args(
        &method,
        Args {
            values: &values,
            kwnames: &names,
        },
    );
    match r {
        Ok(v) => show(vm, &v),
        Err(e) => show_err(vm, e),
    }
}

fn call(vm: &mut Vm, recv: Value, name: &str, args: Vec<Value>) -> String {
    call_kw(vm, recv, name, args, &[])
}

/// Calls a builtin function by name.
fn builtin(vm: &mut Vm, name: &str, args: Vec<Value>) -> String {
    let f = vm
        .dict_get_str(&vm.builtins_dict.clone(), name)
        .expect("builtin");
    match vm.call(&f, &args) {
        Ok(v) => show(vm, &v),
        Err(e) => show_err(vm, e),
    }
}

macro_rules! s {
    ($vm:expr, $t:expr) => {
        $vm.new_str($t)
    };
}

#[test]
fn str_search_methods() {
    let vm = &mut vm();
    let abc = || -> Value { Value::NULL };
    let _ = abc;
    let cases: Vec<(Value, &str, Vec<Value>, &str)> = vec![
        (s!(vm, "abcabc"), "find", vec![s!(vm, "c")], "2"),
        (s!(vm, "abcabc"), "rfind", vec![s!(vm, "c")], "5"),
        (s!(vm, "abc"), "find", vec![s!(vm, ""), vm.new_int(3)], "3"),
        (s!(vm, "abc"), "find", vec![s!(vm, ""), vm.new_int(4)], "-1"),
        (s!(vm, "abc"), "count", vec![s!(vm, "")], "4"),
        (s!(vm, "abc"), "count", vec![s!(vm, ""), vm.new_int(4)], "0"),
        (s!(vm, "héllo wörld"), "find", vec![s!(vm, "ö")], "7"),
        (
            s!(vm, "héllo wörld"),
            "find",
            vec![s!(vm, "l"), vm.new_int(-3)],
            "9",
        ),
        (
            s!(vm, "abc"),
            "index",
            vec![s!(vm, "c"), vm.new_int(-1)],
            "2",
        ),
        (
            s!(vm, "a"),
            "index",
            vec![s!(vm, "b")],
            "ValueError: substring not found",
        ),
        (
            s!(vm, "abc"),
            "find",
            vec![],
            "TypeError: find expected at least 1 argument, got 0",
        ),
        (
            s!(vm, "abc"),
            "find",
            vec![vm.new_int(1)],
            "TypeError: find() argument 1 must be str, not int",
        ),
        (
            s!(vm, "abc"),
            "find",
            vec![s!(vm, "a"), s!(vm, "x")],
            "TypeError: slice indices must be integers or None or have an __index__ method",
        ),
        (
            s!(vm, "abc"),
            "startswith",
            vec![s!(vm, ""), vm.new_int(3)],
            "True",
        ),
        (
            s!(vm, "abc"),
            "startswith",
            vec![s!(vm, ""), vm.new_int(4)],
            "False",
        ),
        (
            s!(vm, "a"),
            "startswith",
            vec![vm.new_int(1)],
            "TypeError: startswith first arg must be str or a tuple of str, not int",
        ),
        (s!(vm, "aaaa"), "count", vec![s!(vm, "aa")], "2"),
    ];
    for (recv, name, args, want) in cases {
        let got = call(vm, recv, name, args);
        assert_eq!(got, want, "{name}");
    }
    let t = vm.new_tuple(vec![s!(vm, "x"), s!(vm, "c")]);
    let r = call(
        vm,
        s!(vm, "abc"),
        "endswith",
        vec![t, vm.new_int(0), vm.new_int(3)],
    );
    assert_eq!(r, "True");
}

#[test]
fn str_split_join_strip() {
    let vm = &mut vm();
    let none = Value::NONE;
    let cases: Vec<(&str, &str, Vec<Value>, &str)> = vec![
        (
            "  a  b  ",
            "split",
            vec![none.clone(), vm.new_int(1)],
            "['a', 'b  ']",
        ),
        (
            "  a  b  ",
            "rsplit",
            vec![none.clone(), vm.new_int(1)],
            "['  a', 'b']",
        ),
        (
            "a,b,,c",
            "split",
            vec![s!(vm, ","), vm.new_int(-2)],
            "['a', 'b', '', 'c']",
        ),
        ("a\x1cb\u{85}c", "split", vec![], "['a', 'b', 'c']"),
        ("", "split", vec![], "[]"),
        ("", "split", vec![s!(vm, ",")], "['']"),
        (
            "a b c",
            "rsplit",
            vec![s!(vm, " "), vm.new_int(1)],
            "['a b', 'c']",
        ),
        (
            "a",
            "split",
            vec![s!(vm, "")],
            "ValueError: empty separator",
        ),
        (
            "a",
            "split",
            vec![vm.new_int(1)],
            "TypeError: must be str or None, not int",
        ),
        ("\u{3000}a ", "strip", vec![], "'a'"),
        ("xxaxx", "lstrip", vec![s!(vm, "x")], "'axx'"),
        (
            "a",
            "strip",
            vec![vm.new_int(1)],
            "TypeError: strip arg must be None or str",
        ),
        ("abc", "replace", vec![s!(vm, ""), s!(vm, "-")], "'-a-b-c-'"),
        (
            "abc",
            "replace",
            vec![s!(vm, ""), s!(vm, "-"), vm.new_int(2)],
            "'-a-bc'",
        ),
        (
            "a",
            "replace",
            vec![vm.new_int(1), vm.new_int(2)],
            "TypeError: replace() argument 1 must be str, not int",
        ),
        ("abc", "partition", vec![s!(vm, "b")], "('a', 'b', 'c')"),
        ("abc", "rpartition", vec![s!(vm, "x")], "('', '', 'abc')"),
        (
            "abc",
            "partition",
            vec![s!(vm, "")],
            "ValueError: empty separator",
        ),
        ("abc", "removeprefix", vec![s!(vm, "ab")], "'c'"),
        (
            "a\r\nb\x0bc\x1cd\u{2028}e\u{85}f",
            "splitlines",
            vec![Value::TRUE],
            "['a\\r\\n', 'b\\x0b', 'c\\x1c', 'd\\u2028', 'e\\x85', 'f']",
        ),
        ("ab\n", "splitlines", vec![], "['ab']"),
    ];
    for (text, name, args, want) in cases {
        let recv = vm.new_str(text);
        let got = call(vm, recv, name, args);
        assert_eq!(got, want, "{text:?}.{name}");
    }
    let items = vm.new_list(vec![s!(vm, "a"), s!(vm, "b")]);
    assert_eq!(call(vm, s!(vm, ", "), "join", vec![items]), "'a, b'");
    let items = vm.new_list(vec![s!(vm, "a"), vm.new_int(1)]);
    assert_eq!(
        call(vm, s!(vm, ""), "join", vec![items]),
        "TypeError: sequence item 1: expected str instance, int found"
    );
    let five = vm.new_int(5);
    assert_eq!(
        call(vm, s!(vm, ""), "join", vec![five]),
        "TypeError: can only join an iterable"
    );
    let r = call_kw(
        vm,
        s!(vm, "a b"),
        "split",
        vec![],
        &[("maxsplit", vm.new_int(1))],
    );
    assert_eq!(r, "['a', 'b']");
    let r = call_kw(
        vm,
        s!(vm, "abc"),
        "replace",
        vec![s!(vm, "b"), s!(vm, "x")],
        &[("count", vm.new_int(1))],
    );
    assert_eq!(r, "'axc'");
}

#[test]
fn str_case_and_predicates() {
    let vm = &mut vm();
    let cases: &[(&str, &str, &str)] = &[
        ("ǆa ǉB", "title", "'ǅa ǈb'"),
        ("ßa", "capitalize", "'Ssa'"),
        ("hello world", "title", "'Hello World'"),
        ("they're bill's", "title", "\"They'Re Bill'S\""),
        ("ΑΣ", "lower", "'ας'"),
        ("ΑΣ Σ", "lower", "'ας σ'"),
        ("ß", "swapcase", "'SS'"),
        ("ﬁ", "upper", "'FI'"),
        ("Straße", "casefold", "'strasse'"),
        ("1e5", "isdigit", "False"),
        ("½", "isnumeric", "True"),
        ("²", "isdigit", "True"),
        ("²", "isdecimal", "False"),
        ("Ab", "istitle", "True"),
        ("AB1", "isupper", "True"),
        ("", "isupper", "False"),
        ("abc", "isidentifier", "True"),
        ("1a", "isidentifier", "False"),
        ("a\x00", "isprintable", "False"),
        ("", "isprintable", "True"),
        ("é", "isalpha", "True"),
        ("\t", "isspace", "True"),
    ];
    for (text, name, want) in cases {
        let recv = vm.new_str(text);
        let got = call(vm, recv, name, vec![]);
        assert_eq!(got, *want, "{text:?}.{name}()");
    }
    assert_eq!(
        call(vm, s!(vm, "a"), "upper", vec![vm.new_int(1)]),
        "TypeError: str.upper() takes no arguments (1 given)"
    );
}

#[test]
fn str_padding_and_translate() {
    let vm = &mut vm();
    let cases: Vec<(&str, &str, Vec<Value>, &str)> = vec![
        ("ab", "center", vec![vm.new_int(5), s!(vm, "*")], "'**ab*'"),
        (
            "abc",
            "center",
            vec![vm.new_int(6), s!(vm, "*")],
            "'*abc**'",
        ),
        ("-42", "zfill", vec![vm.new_int(6)], "'-00042'"),
        ("+x", "zfill", vec![vm.new_int(4)], "'+00x'"),
        ("a\tbc\td", "expandtabs", vec![vm.new_int(4)], "'a   bc  d'"),
        ("abc", "ljust", vec![vm.new_int(5), s!(vm, "é")], "'abcéé'"),
        (
            "a",
            "center",
            vec![vm.new_int(5), s!(vm, "ab")],
            "TypeError: The fill character must be exactly one character long",
        ),
        (
            "a",
            "center",
            vec![s!(vm, "x")],
            "TypeError: 'str' object cannot be interpreted as an integer",
        ),
    ];
    for (text, name, args, want) in cases {
        let recv = vm.new_str(text);
        let got = call(vm, recv, name, args);
        assert_eq!(got, want, "{text:?}.{name}");
    }
    let table = vm.new_dict();
    let (k1, v1) = (vm.new_int(97), s!(vm, "xy"));
    vm.dict_set(&table, k1, v1).expect("set");
    let k2 = vm.new_int(98);
    vm.dict_set(&table, k2, Value::NONE).expect("set");
    assert_eq!(call(vm, s!(vm, "abc"), "translate", vec![table]), "'xyc'");
    let str_ty = vm.types.str_.clone();
    let r = call(
        vm,
        str_ty,
        "maketrans",
        vec![s!(vm, "ab"), s!(vm, "cd"), s!(vm, "e")],
    );
    assert_eq!(r, "{97: 99, 98: 100, 101: None}");
}

#[test]
fn str_format_method() {
    let vm = &mut vm();
    let cases: Vec<(&str, Vec<Value>, &str)> = vec![
        (
            "{0}{}",
            vec![vm.new_int(1), vm.new_int(2)],
            "ValueError: cannot switch from manual field specification to automatic field numbering",
        ),
        (
            "{",
            vec![],
            "ValueError: Single '{' encountered in format string",
        ),
        (
            "}",
            vec![],
            "ValueError: Single '}' encountered in format string",
        ),
        (
            "{0",
            vec![],
            "ValueError: expected '}' before end of string",
        ),
        (
            "{:d}",
            vec![s!(vm, "a")],
            "ValueError: Unknown format code 'd' for object of type 'str'",
        ),
        (
            "{1}",
            vec![vm.new_int(1)],
            "IndexError: Replacement index 1 out of range for positional args tuple",
        ),
        (
            "{!x}",
            vec![vm.new_int(1)],
            "ValueError: Unknown conversion specifier x",
        ),
        (
            "{0!}",
            vec![vm.new_int(1)],
            "ValueError: unmatched '{' in format spec",
        ),
        (
            "{:{:{}}}",
            vec![vm.new_int(1), vm.new_int(2), vm.new_int(3)],
            "ValueError: Max string recursion exceeded",
        ),
        (
            "{0!rx}",
            vec![vm.new_int(1)],
            "ValueError: expected ':' after conversion specifier",
        ),
        (
            "{:>6}|{:<4}|{:^5}",
            vec![s!(vm, "x"), vm.new_int(7), s!(vm, "ab")],
            "'     x|7   | ab  '",
        ),
        ("{0!s:>5}", vec![s!(vm, "x")], "'    x'"),
        ("{:{}}", vec![vm.new_int(3), vm.new_int(5)], "'    3'"),
        ("{{}}{}", vec![vm.new_float(1.5)], "'{}1.5'"),
        ("{:,}", vec![vm.new_int(1234567)], "'1,234,567'"),
        ("{:08.3f}", vec![vm.new_float(-1.23456)], "'-001.235'"),
        ("{:%}", vec![vm.new_float(0.25)], "'25.000000%'"),
        ("{}", vec![Value::TRUE], "'True'"),
        ("{:d}", vec![Value::TRUE], "'1'"),
    ];
    for (fmt, args, want) in cases {
        let recv = vm.new_str(fmt);
        let got = call(vm, recv, "format", args);
        assert_eq!(got, want, "{fmt:?}.format");
    }
    let r = call_kw(
        vm,
        s!(vm, "{x}-{y:>3}"),
        "format",
        vec![],
        &[("x", vm.new_int(1)), ("y", s!(vm, "b"))],
    );
    assert_eq!(r, "'1-  b'");
    assert_eq!(call(vm, s!(vm, "{x}"), "format", vec![]), "KeyError: 'x'");
    let l = vm.new_list(vec![vm.new_int(5)]);
    assert_eq!(call(vm, s!(vm, "{0[0]}"), "format", vec![l]), "'5'");
    let c = vm.new_complex(1.0, 2.0);
    assert_eq!(builtin(vm, "format", vec![c.clone()]), "'(1+2j)'");
    assert_eq!(
        builtin(vm, "format", vec![c.clone(), s!(vm, ".2f")]),
        "'1.00+2.00j'"
    );
    assert_eq!(builtin(vm, "format", vec![c, s!(vm, "10")]), "'    (1+2j)'");
    let five = vm.new_int(5);
    assert_eq!(
        builtin(vm, "format", vec![five.clone(), five]),
        "TypeError: format() argument 2 must be str, not int"
    );
}

#[test]
fn percent_formatting() {
    let vm = &mut vm();
    let p = |vm: &mut Vm, t: &str, a: Value| -> String {
        let t = vm.new_str(t);
        match super::percent_format::str_percent(vm, &t, &a) {
            Ok(v) => show(vm, &v),
            Err(e) => show_err(vm, e),
        }
    };
    let tup = |vm: &mut Vm, items: Vec<Value>| vm.new_tuple(items);
    let one = vm.new_int(1);
    let a = s!(vm, "a");
    assert_eq!(
        p(vm, "%d", a.clone()),
        "TypeError: %d format: a real number is required, not str"
    );
    assert_eq!(
        p(vm, "%s %s", one.clone()),
        "TypeError: not enough arguments for format string"
    );
    let t = tup(vm, vec![vm.new_int(1), vm.new_int(2)]);
    assert_eq!(
        p(vm, "%s", t),
        "TypeError: not all arguments converted during string formatting"
    );
    assert_eq!(
        p(vm, "%(a)s", one.clone()),
        "TypeError: format requires a mapping"
    );
    assert_eq!(
        p(vm, "%y", one.clone()),
        "ValueError: unsupported format character 'y' (0x79) at index 1"
    );
    assert_eq!(
        p(vm, "%c", vm.new_int(1114112)),
        "OverflowError: %c arg not in range(0x110000)"
    );
    assert_eq!(
        p(vm, "%x", vm.new_float(1.5)),
        "TypeError: %x format: an integer is required, not float"
    );
    let t = tup(
        vm,
        vec![vm.new_int(8), vm.new_int(2), vm.new_float(1.23456)],
    );
    assert_eq!(p(vm, "%*.*f|", t), "'    1.23|'");
    let t = tup(vm, vec![vm.new_int(-5), vm.new_int(3)]);
    assert_eq!(p(vm, "%*d|", t), "'3    |'");
    let t = tup(vm, vec![vm.new_int(255), vm.new_int(8)]);
    assert_eq!(p(vm, "%#x %#o", t), "'0xff 0o10'");
    assert_eq!(p(vm, "%5.2s|", s!(vm, "abc")), "'   ab|'");
    assert_eq!(p(vm, "%.0f", vm.new_float(0.5)), "'0'");
    assert_eq!(p(vm, "%i", vm.new_float(2.9)), "'2'");
    assert_eq!(p(vm, "%d%%", vm.new_int(50)), "'50%'");
    let d = vm.new_dict();
    let (k, v) = (s!(vm, "x"), vm.new_int(1));
    vm.dict_set(&d, k, v).expect("set");
    assert_eq!(p(vm, "%(x)s %(x)r", d.clone()), "'1 1'");
    assert_eq!(p(vm, "hello", d), "'hello'");
    assert_eq!(
        p(vm, "hello", vm.new_int(5)),
        "TypeError: not all arguments converted during string formatting"
    );
    let b = vm.new_bytes(b"%s|%c|%x".to_vec());
    let t = tup(
        vm,
        vec![
            vm.new_bytes(b"ab".to_vec()),
            vm.new_int(65),
            vm.new_int(255),
        ],
    );
    let r = super::percent_format::bytes_percent(vm, &b, &t).expect("bytes %");
    assert_eq!(show(vm, &r), "b'ab|A|ff'");
}

#[test]
fn int_float_constructors_and_methods() {
    let vm = &mut vm();
    let int = vm.types.int.clone();
    let float = vm.types.float.clone();
    let ctor = |vm: &mut Vm, ty: &Value, args: Vec<Value>| -> String {
        match vm.call(ty, &args) {
            Ok(v) => show(vm, &v),
            Err(e) => show_err(vm, e),
        }
    };
    assert_eq!(ctor(vm, &int, vec![s!(vm, " 7 ")]), "7");
    assert_eq!(ctor(vm, &int, vec![s!(vm, "0x1f"), vm.new_int(16)]), "31");
    assert_eq!(
        ctor(vm, &int, vec![s!(vm, "  -0x_1f  "), vm.new_int(0)]),
        "-31"
    );
    assert_eq!(ctor(vm, &int, vec![vm.new_float(3.9)]), "3");
    assert_eq!(
        ctor(vm, &int, vec![s!(vm, "1.5")]),
        "ValueError: invalid literal for int() with base 10: '1.5'"
    );
    assert_eq!(
        ctor(vm, &int, vec![vm.new_bytes(b"x".to_vec())]),
        "ValueError: invalid literal for int() with base 10: b'x'"
    );
    assert_eq!(
        ctor(vm, &int, vec![vm.new_float(1.5), vm.new_int(10)]),
        "TypeError: int() can't convert non-string with explicit base"
    );
    assert_eq!(
        ctor(vm, &int, vec![vm.new_float(f64::INFINITY)]),
        "OverflowError: cannot convert float infinity to integer"
    );
    let l = vm.new_list(vec![]);
    assert_eq!(
        ctor(vm, &int, vec![l.clone()]),
        "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'"
    );
    assert_eq!(ctor(vm, &float, vec![s!(vm, " 1.5 ")]), "1.5");
    assert_eq!(ctor(vm, &float, vec![s!(vm, "-inf")]), "-inf");
    assert_eq!(
        ctor(vm, &float, vec![s!(vm, "x")]),
        "ValueError: could not convert string to float: 'x'"
    );
    assert_eq!(
        ctor(vm, &float, vec![l]),
        "TypeError: float() argument must be a string or a real number, not 'list'"
    );
    assert_eq!(call(vm, vm.new_int(10), "bit_length", vec![]), "4");
    assert_eq!(call(vm, vm.new_int(-10), "bit_count", vec![]), "2");
    assert_eq!(
        call(
            vm,
            vm.new_int(255),
            "to_bytes",
            vec![vm.new_int(2), s!(vm, "little")]
        ),
        "b'\\xff\\x00'"
    );
    assert_eq!(
        call(
            vm,
            vm.new_int(256),
            "to_bytes",
            vec![vm.new_int(1), s!(vm, "big")]
        ),
        "OverflowError: int too big to convert"
    );
    let r = call_kw(
        vm,
        vm.new_int(-1),
        "to_bytes",
        vec![vm.new_int(2), s!(vm, "big")],
        &[("signed", Value::TRUE)],
    );
    assert_eq!(r, "b'\\xff\\xff'");
    let b = vm.new_bytes(vec![0xff, 0]);
    assert_eq!(
        call(vm, int.clone(), "from_bytes", vec![b, s!(vm, "little")]),
        "255"
    );
    assert_eq!(
        call(vm, vm.new_float(0.1), "as_integer_ratio", vec![]),
        "(3602879701896397, 36028797018963968)"
    );
    assert_eq!(
        call(vm, vm.new_float(1.5), "hex", vec![]),
        "'0x1.8000000000000p+0'"
    );
    assert_eq!(
        call(vm, vm.new_float(5e-324), "hex", vec![]),
        "'0x0.0000000000001p-1022'"
    );
    assert_eq!(
        call(vm, float.clone(), "fromhex", vec![s!(vm, "0x1.8p1")]),
        "3.0"
    );
    assert_eq!(
        call(vm, float.clone(), "fromhex", vec![s!(vm, " -0X1P-1074 ")]),
        "-5e-324"
    );
    assert_eq!(
        call(vm, float.clone(), "fromhex", vec![s!(vm, "0x1p1024")]),
        "OverflowError: hexadecimal value too large to represent as a float"
    );
    assert_eq!(
        call(vm, float, "fromhex", vec![s!(vm, "0x3p-1076")]),
        "5e-324"
    );
    assert_eq!(
        call(vm, vm.new_int(5), "__add__", vec![vm.new_float(1.5)]),
        "NotImplemented"
    );
    assert_eq!(
        call(vm, vm.new_float(1.5), "__add__", vec![vm.new_int(1)]),
        "2.5"
    );
    assert_eq!(
        call(vm, vm.new_int(5), "__rpow__", vec![vm.new_int(2)]),
        "32"
    );
    assert_eq!(
        call(
            vm,
            vm.new_int(5),
            "__pow__",
            vec![vm.new_int(2), vm.new_int(3)]
        ),
        "1"
    );
    assert_eq!(
        call(vm, Value::TRUE, "__and__", vec![Value::FALSE]),
        "False"
    );
    assert_eq!(call(vm, Value::TRUE, "__repr__", vec![]), "'True'");
    assert_eq!(
        call(vm, vm.new_float(3.75), "__round__", vec![vm.new_int(1)]),
        "3.8"
    );
    assert_eq!(call(vm, vm.new_int(-1), "__hash__", vec![]), "-2");
    let big = vm.new_bigint(num_bigint::BigInt::from(1u128 << 64));
    assert_eq!(call(vm, big, "__hash__", vec![]), "8");
}

#[test]
fn numeric_builtins() {
    let vm = &mut vm();
    let f = |vm: &mut Vm, x: f64| vm.new_float(x);
    let i = |vm: &mut Vm, x: i64| vm.new_int(x);
    let cases: Vec<(&str, Vec<Value>, &str)> = vec![
        ("round", vec![f(vm, 2.5)], "2"),
        ("round", vec![f(vm, -2.5)], "-2"),
        ("round", vec![f(vm, 2.675), i(vm, 2)], "2.67"),
        ("round", vec![f(vm, 1234.5678), i(vm, -2)], "1200.0"),
        ("round", vec![i(vm, 25), i(vm, -1)], "20"),
        ("round", vec![i(vm, -25), i(vm, -1)], "-20"),
        (
            "round",
            vec![f(vm, 1.7976931348623157e308), i(vm, -308)],
            "OverflowError: rounded value too large to represent",
        ),
        ("round", vec![f(vm, -123.0), i(vm, -400)], "-0.0"),
        ("round", vec![f(vm, 0.5), i(vm, 400)], "0.5"),
        (
            "round",
            vec![f(vm, f64::NAN)],
            "ValueError: cannot convert float NaN to integer",
        ),
        ("divmod", vec![i(vm, 7), i(vm, -2)], "(-4, -1)"),
        ("divmod", vec![f(vm, -7.5), i(vm, 2)], "(-4.0, 0.5)"),
        (
            "divmod",
            vec![f(vm, 1.0), i(vm, 0)],
            "ZeroDivisionError: float divmod()",
        ),
        ("pow", vec![i(vm, 3), i(vm, -1), i(vm, 7)], "5"),
        ("pow", vec![i(vm, 3), i(vm, 4), i(vm, -5)], "-4"),
        ("pow", vec![i(vm, -3), i(vm, 3), i(vm, 5)], "3"),
        (
            "pow",
            vec![i(vm, 0), i(vm, -1), i(vm, 5)],
            "ValueError: base is not invertible for the given modulus",
        ),
        (
            "pow",
            vec![i(vm, 2), i(vm, 3), i(vm, 0)],
            "ValueError: pow() 3rd argument cannot be 0",
        ),
        (
            "pow",
            vec![f(vm, 2.0), i(vm, 3), i(vm, 5)],
            "TypeError: pow() 3rd argument not allowed unless all arguments are integers",
        ),
        ("hex", vec![i(vm, -255)], "'-0xff'"),
        ("bin", vec![i(vm, -5)], "'-0b101'"),
        ("oct", vec![i(vm, 8)], "'0o10'"),
        (
            "hex",
            vec![f(vm, 1.5)],
            "TypeError: 'float' object cannot be interpreted as an integer",
        ),
        ("chr", vec![i(vm, 0x1F600)], "'😀'"),
        (
            "chr",
            vec![i(vm, -1)],
            "ValueError: chr() arg not in range(0x110000)",
        ),
        ("abs", vec![i(vm, -5)], "5"),
        ("abs", vec![Value::TRUE], "1"),
    ];
    for (name, args, want) in cases {
        let got = builtin(vm, name, args);
        assert_eq!(got, want, "{name}");
    }
    let e = s!(vm, "é");
    assert_eq!(builtin(vm, "ord", vec![e]), "233");
    let ab = s!(vm, "ab");
    assert_eq!(
        builtin(vm, "ord", vec![ab]),
        "TypeError: ord() expected a character, but string of length 2 found"
    );
    let one = vm.new_int(1);
    assert_eq!(
        builtin(vm, "ord", vec![one]),
        "TypeError: ord() expected string of length 1, but int found"
    );
    let a = s!(vm, "a");
    assert_eq!(
        builtin(vm, "abs", vec![a.clone()]),
        "TypeError: bad operand type for abs(): 'str'"
    );
    assert_eq!(
        builtin(vm, "round", vec![a]),
        "TypeError: type str doesn't define __round__ method"
    );
    let c = vm.new_complex(3.0, 4.0);
    assert_eq!(builtin(vm, "abs", vec![c]), "5.0");
}

#[test]
fn complex_numbers() {
    let vm = &mut vm();
    let ty = vm.types.complex.clone();
    let ctor = |vm: &mut Vm, args: Vec<Value>| -> String {
        let ty = vm.types.complex.clone();
        match vm.call(&ty, &args) {
            Ok(v) => show(vm, &v),
            Err(e) => show_err(vm, e),
        }
    };
    let _ = ty;
    assert_eq!(ctor(vm, vec![s!(vm, "1+2j")]), "(1+2j)");
    assert_eq!(ctor(vm, vec![s!(vm, " ( 1-2.5e3J ) ")]), "(1-2500j)");
    assert_eq!(ctor(vm, vec![s!(vm, "-j")]), "-1j");
    assert_eq!(
        ctor(vm, vec![s!(vm, "1 + 2j")]),
        "ValueError: complex() arg is a malformed string"
    );
    let j = vm.new_complex(0.0, 1.0);
    assert_eq!(ctor(vm, vec![j.clone(), j]), "(-1+1j)");
    assert_eq!(ctor(vm, vec![vm.new_float(0.0), vm.new_float(-0.0)]), "-0j");
    assert_eq!(ctor(vm, vec![vm.new_float(-0.0), vm.new_int(0)]), "(-0+0j)");
    let a = vm.new_complex(1.0, 1.0);
    let two = vm.new_int(2);
    let sq = vm
        .binary_op(&a, &two, crate::bytecode::BinaryOp::Power)
        .expect("pow");
    assert_eq!(show(vm, &sq), "2j");
    let z = vm.new_complex(0.0, 0.0);
    let m1 = vm.new_int(-1);
    let e = vm
        .binary_op(&z, &m1, crate::bytecode::BinaryOp::Power)
        .expect_err("err");
    assert_eq!(
        show_err(vm, e),
        "ZeroDivisionError: 0.0 to a negative or complex power"
    );
    let e = vm
        .binary_op(&a, &z, crate::bytecode::BinaryOp::TrueDivide)
        .expect_err("err");
    assert_eq!(
        show_err(vm, e),
        "ZeroDivisionError: complex division by zero"
    );
    assert_eq!(call(vm, a, "conjugate", vec![]), "(1-1j)");
    let c = vm.new_complex(1.5, -2.25);
    let real = super::int_float::number_attribute(vm, &c, "imag")
        .expect("attr")
        .expect("some");
    assert_eq!(show(vm, &real), "-2.25");
}

#[test]
fn bytes_methods() {
    let vm = &mut vm();
    let b = |vm: &mut Vm, d: &[u8]| vm.new_bytes(d.to_vec());
    let cases: Vec<(&[u8], &str, Vec<Value>, &str)> = vec![
        (b"abc", "find", vec![vm.new_int(98)], "1"),
        (
            b"abc",
            "find",
            vec![s!(vm, "a")],
            "TypeError: argument should be integer or bytes-like object, not 'str'",
        ),
        (
            b"abc",
            "find",
            vec![vm.new_int(256)],
            "ValueError: byte must be in range(0, 256)",
        ),
        (b"a b", "split", vec![], "[b'a', b'b']"),
        (b"xax", "strip", vec![b(vm, b"x")], "b'a'"),
        (
            b"abc",
            "replace",
            vec![b(vm, b""), b(vm, b"-")],
            "b'-a-b-c-'",
        ),
        (
            b"\x01\x02\x03",
            "hex",
            vec![s!(vm, ":"), vm.new_int(2)],
            "'01:0203'",
        ),
        (
            b"\x01\x02\x03",
            "hex",
            vec![s!(vm, ":"), vm.new_int(-2)],
            "'0102:03'",
        ),
        (b"hello world", "title", vec![], "b'Hello World'"),
        (
            b"abc",
            "center",
            vec![vm.new_int(7), b(vm, b"*")],
            "b'**abc**'",
        ),
        (
            b"abc",
            "center",
            vec![vm.new_int(7), s!(vm, "*")],
            "TypeError: center() argument 2 must be a byte string of length 1, not str",
        ),
        (
            b"a\nb\r\nc",
            "splitlines",
            vec![Value::TRUE],
            "[b'a\\n', b'b\\r\\n', b'c']",
        ),
        (
            b"\xffa",
            "decode",
            vec![s!(vm, "utf-8"), s!(vm, "replace")],
            "'\u{FFFD}a'",
        ),
        (
            b"\xffa",
            "decode",
            vec![s!(vm, "utf-8"), s!(vm, "backslashreplace")],
            "'\\\\xffa'",
        ),
        (
            b"\xe9",
            "decode",
            vec![],
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 0: unexpected end of data",
        ),
        (
            b"\xe9abc",
            "decode",
            vec![],
            "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 0: invalid continuation byte",
        ),
        (
            b"\xe9",
            "decode",
            vec![s!(vm, "ascii")],
            "UnicodeDecodeError: 'ascii' codec can't decode byte 0xe9 in position 0: ordinal not in range(128)",
        ),
        (
            b"abc",
            "index",
            vec![b(vm, b"z")],
            "ValueError: subsection not found",
        ),
        (
            b"aXbXc",
            "rsplit",
            vec![b(vm, b"X"), vm.new_int(1)],
            "[b'aXb', b'c']",
        ),
    ];
    for (data, name, args, want) in cases {
        let recv = vm.new_bytes(data.to_vec());
        let got = call(vm, recv, name, args);
        assert_eq!(got, want, "{data:?}.{name}");
    }
    let bytes = vm.types.bytes.clone();
    assert_eq!(
        call(vm, bytes.clone(), "fromhex", vec![s!(vm, "01 0a ff")]),
        "b'\\x01\\n\\xff'"
    );
    assert_eq!(
        call(vm, bytes.clone(), "fromhex", vec![s!(vm, "0 1")]),
        "ValueError: non-hexadecimal number found in fromhex() arg at position 1"
    );
    let ctor = |vm: &mut Vm, ty: &Value, args: Vec<Value>| -> String {
        match vm.call(ty, &args) {
            Ok(v) => show(vm, &v),
            Err(e) => show_err(vm, e),
        }
    };
    assert_eq!(ctor(vm, &bytes, vec![vm.new_int(3)]), "b'\\x00\\x00\\x00'");
    assert_eq!(
        ctor(vm, &bytes, vec![s!(vm, "a")]),
        "TypeError: string argument without an encoding"
    );
    assert_eq!(
        ctor(vm, &bytes, vec![s!(vm, "abc"), s!(vm, "ascii")]),
        "b'abc'"
    );
    assert_eq!(
        ctor(vm, &bytes, vec![vm.new_int(-1)]),
        "ValueError: negative count"
    );
    let l = vm.new_list(vec![vm.new_int(256)]);
    assert_eq!(
        ctor(vm, &bytes, vec![l]),
        "ValueError: bytes must be in range(0, 256)"
    );
    let ba_ty = vm.types.bytearray.clone();
    assert_eq!(
        ctor(vm, &ba_ty, vec![vm.new_float(1.5)]),
        "TypeError: cannot convert 'float' object to bytearray"
    );
    let ba = vm.new_bytearray(b"abc".to_vec());
    assert_eq!(
        call(vm, ba.clone(), "append", vec![vm.new_int(100)]),
        "None"
    );
    assert_eq!(call(vm, ba.clone(), "pop", vec![vm.new_int(0)]), "97");
    let sl = vm.new_slice(vm.new_int(0), vm.new_int(2), Value::NONE);
    let xyz = b(vm, b"XYZ");
    assert_eq!(call(vm, ba.clone(), "__setitem__", vec![sl, xyz]), "None");
    assert_eq!(show(vm, &ba), "bytearray(b'XYZd')");
    assert_eq!(call(vm, ba, "upper", vec![]), "bytearray(b'XYZD')");
    assert_eq!(super::bytes::bytes_repr(b"it's"), "b\"it's\"");
    assert_eq!(super::bytes::bytes_repr(b"it's \"q\""), "b'it\\'s \"q\"'");
    let e = s!(vm, "é");
    assert_eq!(
        call(vm, e, "encode", vec![s!(vm, "ascii")]),
        "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"
    );
    let e = s!(vm, "aé€");
    assert_eq!(
        call(
            vm,
            e,
            "encode",
            vec![s!(vm, "ascii"), s!(vm, "xmlcharrefreplace")]
        ),
        "b'a&#233;&#8364;'"
    );
}

#[test]
fn files_round_trip() {
    let vm = &mut vm();
    let dir = std::env::temp_dir().join(format!("pyrite-io-test-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("t.txt");
    let path_s = path.to_string_lossy().to_string();
    let open = |vm: &mut Vm, mode: &str| -> Value {
        let p = vm.new_str(&path_s);
        let m = vm.new_str(mode);
        let f = vm
            .dict_get_str(&vm.builtins_dict.clone(), "open")
            .expect("open");
        vm.call(&f, &[p, m]).expect("open")
    };
    let f = open(vm, "w");
    assert_eq!(
        call(vm, f.clone(), "write", vec![s!(vm, "héllo\nwörld\r\nend")]),
        "16"
    );
    assert_eq!(call(vm, f.clone(), "close", vec![]), "None");
    assert_eq!(
        call(vm, f, "write", vec![s!(vm, "x")]),
        "ValueError: I/O operation on closed file."
    );
    let f = open(vm, "r");
    assert_eq!(call(vm, f.clone(), "readline", vec![]), "'héllo\\n'");
    assert_eq!(call(vm, f.clone(), "read", vec![vm.new_int(3)]), "'wör'");
    assert_eq!(call(vm, f.clone(), "readlines", vec![]), "['ld\\n', 'end']");
    assert_eq!(call(vm, f.clone(), "read", vec![]), "''");
    assert_eq!(
        call(vm, f.clone(), "write", vec![s!(vm, "x")]),
        "UnsupportedOperation: not writable"
    );
    let closed = super::io::file_attribute(vm, &f, "closed")
        .expect("attr")
        .expect("some");
    assert_eq!(show(vm, &closed), "False");
    let f = open(vm, "ab");
    let bang = b_val(vm, b"!");
    assert_eq!(call(vm, f.clone(), "write", vec![bang]), "1");
    assert_eq!(call(vm, f, "close", vec![]), "None");
    let f = open(vm, "rb");
    assert_eq!(
        call(vm, f.clone(), "read", vec![]),
        "b'h\\xc3\\xa9llo\\nw\\xc3\\xb6rld\\r\\nend!'"
    );
    assert_eq!(call(vm, f.clone(), "seek", vec![vm.new_int(1)]), "1");
    assert_eq!(
        call(vm, f.clone(), "read", vec![vm.new_int(2)]),
        "b'\\xc3\\xa9'"
    );
    assert_eq!(call(vm, f, "tell", vec![]), "3");
    let missing = dir.join("missing").to_string_lossy().to_string();
    let open_fn = vm
        .dict_get_str(&vm.builtins_dict.clone(), "open")
        .expect("open");
    let m = vm.new_str(&missing);
    let e = vm.call(&open_fn, &[m]).expect_err("missing file");
    assert_eq!(
        show_err(vm, e),
        format!("FileNotFoundError: [Errno 2] No such file or directory: '{missing}'")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn b_val(vm: &mut Vm, d: &[u8]) -> Value {
    vm.new_bytes(d.to_vec())
}
