//! Value types of IR results, the type tags a `guard_type` checks, and constants.
//!
//! Inside a trace every value has one machine type ([`Type`]): unboxed `i64`/`f64`/`bool`,
//! a tagged Python `value` word (the encoding of [`crate::abi`]), or a raw `ptr` (an address
//! that is not a Python value, such as a list's item array). Constants ([`Const`]) are
//! interned per trace, so two equal constants are the same [`crate::Ref`].

use std::fmt;

use crate::abi;

/// The machine type of an IR value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// No value: stores, guards without a result, control ops.
    Void,
    /// A 64-bit signed integer (an unboxed Python int).
    I64,
    /// A 64-bit IEEE double (an unboxed Python float).
    F64,
    /// A boolean (the result of a comparison).
    Bool,
    /// A tagged Python value word (see [`crate::abi`]).
    Value,
    /// A raw machine address that is not a Python value.
    Ptr,
}

impl Type {
    /// The name used in the text format.
    pub const fn name(self) -> &'static str {
        match self {
            Type::Void => "void",
            Type::I64 => "i64",
            Type::F64 => "f64",
            Type::Bool => "bool",
            Type::Value => "value",
            Type::Ptr => "ptr",
        }
    }

    /// Parses a name printed by [`Type::name`].
    pub fn from_name(name: &str) -> Option<Type> {
        Some(match name {
            "void" => Type::Void,
            "i64" => Type::I64,
            "f64" => Type::F64,
            "bool" => Type::Bool,
            "value" => Type::Value,
            "ptr" => Type::Ptr,
            _ => return None,
        })
    }
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a `guard_type` checks about a value word: tag tests that need no memory access,
/// except [`TypeTag::Object`] which only says "some heap pointer" (the exact class is then
/// checked by loading the header's type word and guarding it equal to a constant).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TypeTag {
    /// A small int (`abi::is_small_int`): `unbox_int` is then valid.
    Int,
    /// An immediate double (`abi::is_double`): `unbox_float` is then valid.
    Float,
    /// `True` or `False`.
    Bool,
    /// `None`.
    None,
    /// A heap object pointer (`abi::is_pointer`).
    Object,
}

impl TypeTag {
    /// Every tag, in declaration order.
    pub const ALL: [TypeTag; 5] = [
        TypeTag::Int,
        TypeTag::Float,
        TypeTag::Bool,
        TypeTag::None,
        TypeTag::Object,
    ];

    /// The name used in the text format.
    pub const fn name(self) -> &'static str {
        match self {
            TypeTag::Int => "int",
            TypeTag::Float => "float",
            TypeTag::Bool => "bool",
            TypeTag::None => "none",
            TypeTag::Object => "object",
        }
    }

    /// Parses a name printed by [`TypeTag::name`].
    pub fn from_name(name: &str) -> Option<TypeTag> {
        TypeTag::ALL.into_iter().find(|tag| tag.name() == name)
    }

    /// Whether the value word `word` has this tag.
    pub const fn matches(self, word: u64) -> bool {
        match self {
            TypeTag::Int => abi::is_small_int(word),
            TypeTag::Float => abi::is_double(word),
            TypeTag::Bool => word == abi::IMM_TRUE || word == abi::IMM_FALSE,
            TypeTag::None => word == abi::IMM_NONE,
            TypeTag::Object => abi::is_pointer(word),
        }
    }
}

impl fmt::Display for TypeTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A constant operand. Floats are kept as their bits so that `-0.0` and `0.0` are different
/// constants and a NaN equals itself (interning compares bits, as the machine would).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Const {
    /// An `i64`.
    Int(i64),
    /// An `f64`, as its IEEE bits.
    Float(u64),
    /// A `bool`.
    Bool(bool),
    /// A value word (an immediate, or a pointer to an object the trace keeps alive).
    Value(u64),
    /// A raw address.
    Ptr(u64),
}

impl Const {
    /// A float constant.
    pub fn float(value: f64) -> Const {
        Const::Float(value.to_bits())
    }

    /// The constant's type.
    pub const fn ty(self) -> Type {
        match self {
            Const::Int(_) => Type::I64,
            Const::Float(_) => Type::F64,
            Const::Bool(_) => Type::Bool,
            Const::Value(_) => Type::Value,
            Const::Ptr(_) => Type::Ptr,
        }
    }

    /// The integer, if this is an `i64` constant.
    pub const fn as_int(self) -> Option<i64> {
        match self {
            Const::Int(v) => Some(v),
            _ => None,
        }
    }

    /// The float, if this is an `f64` constant.
    pub fn as_float(self) -> Option<f64> {
        match self {
            Const::Float(bits) => Some(f64::from_bits(bits)),
            _ => None,
        }
    }

    /// The boolean, if this is a `bool` constant.
    pub const fn as_bool(self) -> Option<bool> {
        match self {
            Const::Bool(v) => Some(v),
            _ => None,
        }
    }

    /// The machine word of the constant (what the backend materializes).
    pub const fn bits(self) -> u64 {
        match self {
            Const::Int(v) => v as u64,
            Const::Float(bits) | Const::Value(bits) | Const::Ptr(bits) => bits,
            Const::Bool(v) => v as u64,
        }
    }
}

/// Prints the literal syntax of the text format: `5`, `-1.5`, `true`, `val:None`,
/// `val:7`, `val:2.5`, `val:0x7f0012345670`, `ptr:0x1000`.
impl fmt::Display for Const {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Const::Int(v) => write!(f, "{v}"),
            Const::Float(bits) => fmt_float(f, bits),
            Const::Bool(v) => write!(f, "{v}"),
            Const::Ptr(bits) => write!(f, "ptr:{bits:#x}"),
            Const::Value(word) => {
                f.write_str("val:")?;
                match word {
                    abi::NULL => f.write_str("null"),
                    abi::IMM_NONE => f.write_str("None"),
                    abi::IMM_TRUE => f.write_str("True"),
                    abi::IMM_FALSE => f.write_str("False"),
                    abi::IMM_NOT_IMPLEMENTED => f.write_str("NotImplemented"),
                    abi::IMM_ELLIPSIS => f.write_str("Ellipsis"),
                    w if abi::is_small_int(w) => write!(f, "{}", abi::decode_small_int(w)),
                    w if abi::is_double(w) => fmt_float(f, abi::decode_double(w).to_bits()),
                    w => write!(f, "{w:#x}"),
                }
            }
        }
    }
}

/// Floats print with Rust's shortest round-trip form, which always has a `.`, an `e`, or is
/// `inf`/`-inf`, so the parser can tell them from ints. Only the canonical NaN prints as
/// `NaN`; other NaNs print their bits.
fn fmt_float(f: &mut fmt::Formatter<'_>, bits: u64) -> fmt::Result {
    let value = f64::from_bits(bits);
    if value.is_nan() && bits != f64::NAN.to_bits() {
        write!(f, "f64:{bits:#x}")
    } else {
        write!(f, "{value:?}")
    }
}
