//! Python exceptions as Rust errors. `PyErr` is either a lazily described builtin exception
//! (kind + message: cheap to create anywhere, even without the VM) or an exception object.
//! `ExcKind` is the complete builtin exception hierarchy, defined once with CPython's names
//! and bases; the VM creates one type object per row.

use crate::object::Value;

macro_rules! exception_kinds {
    ($( $variant:ident : $base:ident ),* $(,)?) => {
        /// The builtin exception types, in an order where every base precedes its subclasses.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind { $( $variant, )* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[$( ExcKind::$variant, )*];

            /// The Python name.
            pub fn name(self) -> &'static str {
                match self { $( ExcKind::$variant => stringify!($variant), )* }
            }

            /// The (first) base class; `BaseException` is its own root.
            pub fn base(self) -> ExcKind {
                match self { $( ExcKind::$variant => ExcKind::$base, )* }
            }
        }
    };
}

exception_kinds! {
    BaseException: BaseException,
    BaseExceptionGroup: BaseException,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    Exception: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ExceptionGroup: BaseExceptionGroup,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    FileNotFoundError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    PythonFinalizationError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    BytesWarning: Warning,
    DeprecationWarning: Warning,
    EncodingWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    PendingDeprecationWarning: Warning,
    ResourceWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UnicodeWarning: Warning,
    UserWarning: Warning,
}

impl ExcKind {
    /// Extra bases beyond `base()` (only `ExceptionGroup(BaseExceptionGroup, Exception)`).
    pub fn extra_base(self) -> Option<ExcKind> {
        match self {
            ExcKind::ExceptionGroup => Some(ExcKind::Exception),
            _ => None,
        }
    }

    /// Index into the VM's table of exception types.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A raised Python exception.
pub struct PyErr(Box<ErrRepr>);

pub enum ErrRepr {
    /// A builtin exception not yet turned into an object: `kind(message)`.
    Lazy(ExcKind, String),
    /// A builtin exception with arbitrary args: `kind(*args)`.
    LazyArgs(ExcKind, Vec<Value>),
    /// An exception instance.
    Object(Value),
}

impl PyErr {
    pub fn new(kind: ExcKind, message: impl Into<String>) -> PyErr {
        PyErr(Box::new(ErrRepr::Lazy(kind, message.into())))
    }

    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr(Box::new(ErrRepr::LazyArgs(kind, args)))
    }

    pub fn from_object(exc: Value) -> PyErr {
        PyErr(Box::new(ErrRepr::Object(exc)))
    }

    pub fn repr(&self) -> &ErrRepr {
        &self.0
    }

    pub fn into_repr(self) -> ErrRepr {
        *self.0
    }

    /// The builtin kind if this error is still lazy.
    pub fn lazy_kind(&self) -> Option<ExcKind> {
        match &*self.0 {
            ErrRepr::Lazy(kind, _) | ErrRepr::LazyArgs(kind, _) => Some(*kind),
            ErrRepr::Object(_) => None,
        }
    }

    pub fn type_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, message)
    }

    pub fn value_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, message)
    }

    pub fn index_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, message)
    }

    pub fn overflow_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, message)
    }

    pub fn zero_division(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, message)
    }

    pub fn runtime_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::RuntimeError, message)
    }

    pub fn attribute_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::AttributeError, message)
    }

    pub fn name_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::NameError, message)
    }

    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(ExcKind::KeyError, vec![key])
    }

    pub fn stop_iteration() -> PyErr {
        PyErr::with_args(ExcKind::StopIteration, Vec::new())
    }

    /// A logic bug in Pyrite (not the script's fault); reported as `SystemError`.
    pub fn internal(message: impl Into<String>) -> PyErr {
        PyErr::new(
            ExcKind::SystemError,
            format!("Pyrite internal error: {}", message.into()),
        )
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &*self.0 {
            ErrRepr::Lazy(kind, msg) => write!(f, "{}: {msg}", kind.name()),
            ErrRepr::LazyArgs(kind, args) => write!(f, "{}{:?}", kind.name(), args),
            ErrRepr::Object(v) => write!(f, "exception {v:?}"),
        }
    }
}

pub type PyResult<T> = Result<T, PyErr>;

impl From<crate::text::TextError> for PyErr {
    fn from(err: crate::text::TextError) -> PyErr {
        match err {
            crate::text::TextError::ValueError(m) => PyErr::value_error(m),
            crate::text::TextError::OverflowError(m) => PyErr::overflow_error(m),
            crate::text::TextError::TypeError(m) => PyErr::type_error(m),
        }
    }
}
