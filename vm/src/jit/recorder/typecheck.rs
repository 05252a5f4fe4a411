//! `isinstance(x, C)` with a class `C` the trace pins: folded to a constant under the
//! guard on `x`'s exact type (and `C`'s identity), valid while that type keeps its version
//! (its MRO cannot change without bumping it).

use pyrite_ir::{Type, TypeTag};

use super::{Dep, Entry, Recorder, Step, tag_of};
use crate::object::Value;

impl Recorder<'_> {
    /// `isinstance(x, cls)` for a plain class `cls` (whose metaclass is `type`, so no
    /// `__instancecheck__`); `None` for anything else.
    pub(super) fn lower_isinstance(&mut self, x: &Entry, cls: &Entry) -> Step<Option<Entry>> {
        let vm = self.vm;
        if cls.v.as_type_data().is_none() || !vm.type_of(&cls.v).is(&vm.types.type_) {
            return Ok(None);
        }
        let ty = vm.type_of(&x.v);
        let Some(ty_data) = ty.as_type_data() else {
            return Ok(None);
        };
        let result = vm.is_subtype(&ty, &cls.v);
        // A false result could still come out true through an overridden `__class__`,
        // which builtin types never have.
        let builtin =
            x.v.as_object()
                .is_none_or(|o| o.type_object().payload_is_builtin_type());
        if !result && !builtin {
            return Ok(None);
        }
        if self.b.trace().type_of(cls.r) != Type::Value {
            return Ok(None);
        }
        match self.b.trace().type_of(x.r) {
            Type::I64 | Type::F64 | Type::Bool => {}
            Type::Value if x.v.is_heap() => self.guard_exact_type(x.r, ty.bits())?,
            Type::Value => {
                let Some(tag) = tag_of(&x.v) else {
                    return Ok(None);
                };
                if tag == TypeTag::Object {
                    return Ok(None);
                }
                self.b.guard_type(x.r, tag);
            }
            _ => return Ok(None),
        }
        self.guard_is(cls, &cls.v)?;
        self.keep_alive(&ty);
        self.deps.push(Dep::TypeVersion {
            ty: ty.clone(),
            version: ty_data.version(),
        });
        Ok(Some(self.constant(&Value::from_bool(result))))
    }
}
