//! Pyrite trace compiler (later issue): lowers `pyrite_ir` traces to native code with Cranelift.
