//! The object model's unsafe core: the NaN-boxed `Value` word, heap objects with a
//! `#[repr(C)]` header, reference counting and deallocation, weak references and the
//! cycle collector's tracking and trial deletion. Everything about object layout and
//! lifetimes that needs `unsafe` lives in this module tree, behind a safe API; the rest of
//! the VM only sees `Value` and `&Object`.

mod heap;
pub mod layout;
pub mod tracking;
mod value;
pub mod weak;

pub use heap::{
    Object, Payload, finalizers_pending, gc_flags, side_dict, side_dict_get, take_finalizable,
};
pub use value::Value;
