//! Modules: the import system (`sys.modules`, builtin modules, source files on `sys.path`)
//! and the modules Pyrite implements itself.

pub mod frozen;
pub mod import;
pub mod module_type;
pub mod os;
pub mod sys;
