//! `isinstance(x, C)` with a class `C` the trace pins: folded to a constant under the
//! guard on `x`'s exact type (and `C`'s identity), valid while that type keeps its version
//! (its MRO cannot change without bumping it).

use pyrite_ir::{Type, TypeTag};

use super::{Dep, Entry, Recorder, Step, tag_of};
use crate::object::Value;

impl Recorder<'_> {
    /// `isinstance(x, cls)` for a plain class `cls` (whose metaclass is `type`, so no
    /// `__instancecheck__`) or a tuple of them the trace built; `None` for anything else.
    pub(super) fn lower_isinstance(&mut self, x: &Entry, cls: &Entry) -> Step<Option<Entry>> {
        let vm = self.vm;
        let classes: Vec<Entry> = match self.built_tuples.get(&cls.r) {
            Some(fields) => fields.clone(),
            None => vec![cls.clone()],
        };
        let plain =
            |c: &Entry| c.v.as_type_data().is_some() && vm.type_of(&c.v).is(&vm.types.type_);
        if classes.is_empty() || !classes.iter().all(plain) {
            return Ok(None);
        }
        let ty = vm.type_of(&x.v);
        let Some(ty_data) = ty.as_type_data() else {
            return Ok(None);
        };
        let result = classes.iter().any(|c| vm.is_subtype(&ty, &c.v));
        // A false result could still come out true through an overridden `__class__`.
        let own_class_attr = vm.lookup_type_attr(&ty, "__class__");
        let default_class_attr = vm.lookup_type_attr(&vm.types.object, "__class__");
        let builtin =
            x.v.as_object()
                .is_none_or(|o| o.type_object().payload_is_builtin_type());
        let plain_class_attr = builtin
            || match (&own_class_attr, &default_class_attr) {
                (Some(a), Some(b)) => a.is(b),
                (None, None) => true,
                _ => false,
            };
        if !result && !plain_class_attr {
            return Ok(None);
        }
        if classes
            .iter()
            .any(|c| self.b.trace().type_of(c.r) != Type::Value)
        {
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
        for c in &classes {
            self.guard_is(c, &c.v)?;
        }
        self.keep_alive(&ty);
        self.deps.push(Dep::TypeVersion {
            ty: ty.clone(),
            version: ty_data.version(),
        });
        Ok(Some(self.constant(&Value::from_bool(result))))
    }
}
