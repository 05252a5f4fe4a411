//! Modules: the import system (`sys.modules`, builtin modules, source files on `sys.path`)
//! and the modules Pyrite implements itself.

pub mod import;
pub mod os;
pub mod sys;
