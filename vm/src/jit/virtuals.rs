//! Rebuilding removed allocations at an exit: the optimizer's `sink` pass leaves objects
//! that only exits need out of the trace and describes them in the snapshot
//! ([`pyrite_ir::Virtual`]); the exit stores their fields, unboxed, into the context's
//! `virtuals` words in snapshot order (every field that is an IR value takes the next
//! word; a field that is itself a virtual takes none), and the VM builds the objects here
//! before writing the frames back. Each object is built once per exit, so a virtual that
//! appears in several slots is one object, as it was in the interpreter.

use pyrite_ir::{SnapValue, Snapshot, Trace, VirtualKind};

use crate::builtins::iterators::new_iterator;
use crate::jit::frames::slot_value;
use crate::object::{Payload, Value};
use crate::types::attr_map::{DICT_MODE, InstanceAttrs};
use crate::types::iter::IterState;
use crate::vm::Vm;

/// An instance of `class` in map `map` holding `slots` (what `cls()` and the attribute
/// stores of its `__init__` would have made).
pub(crate) fn instance_with(class: &Value, map: u32, slots: Vec<Value>) -> Value {
    let mut attrs = InstanceAttrs::new(map, 0);
    attrs.values = slots;
    Value::alloc(class, Payload::Instance(std::cell::RefCell::new(attrs)))
}

/// The objects of `snapshot.virtuals`, in order, from the exit's `words`.
pub(crate) fn materialize(
    vm: &mut Vm,
    trace: &Trace,
    snapshot: &Snapshot,
    words: &[u64],
) -> Vec<Value> {
    let count = snapshot.virtuals.len();
    if count == 0 {
        return Vec::new();
    }
    // The first word of each virtual's fields.
    let mut first_word = Vec::with_capacity(count);
    let mut next = 0usize;
    for v in &snapshot.virtuals {
        first_word.push(next);
        next += v.fields.iter().filter(|f| f.as_ref().is_some()).count();
    }
    let mut built: Vec<Option<Value>> = vec![None; count];
    // Fields may name later virtuals: build in dependency order, with an explicit stack
    // (a field of a tuple can only name an object made before it, so there is no cycle;
    // a malformed snapshot gives `None` fields rather than looping).
    let mut on_stack = vec![false; count];
    for root in 0..count {
        let mut stack = vec![root];
        while let Some(&i) = stack.last() {
            if built[i].is_some() {
                stack.pop();
                continue;
            }
            on_stack[i] = true;
            let pending: Vec<usize> = snapshot.virtuals[i]
                .fields
                .iter()
                .filter_map(|f| match *f {
                    SnapValue::Virtual(j) => Some(j as usize),
                    SnapValue::Ref(_) => None,
                })
                .filter(|&j| j < count && built[j].is_none() && !on_stack[j])
                .collect();
            if !pending.is_empty() {
                stack.extend(pending);
                continue;
            }
            let mut word = first_word[i];
            let mut raw = Vec::new();
            let mut fields = Vec::with_capacity(snapshot.virtuals[i].fields.len());
            for field in &snapshot.virtuals[i].fields {
                fields.push(match *field {
                    SnapValue::Ref(r) => {
                        let w = words.get(word).copied().unwrap_or(0);
                        word += 1;
                        raw.push(w);
                        let v = slot_value(vm, trace, r, w);
                        if v.is_null() { Value::NONE } else { v }
                    }
                    SnapValue::Virtual(j) => {
                        raw.push(0);
                        built
                            .get(j as usize)
                            .and_then(Option::clone)
                            .unwrap_or(Value::NONE)
                    }
                });
            }
            let object = match snapshot.virtuals[i].kind {
                VirtualKind::Tuple => vm.new_tuple(fields),
                VirtualKind::Instance => {
                    // Field 0 is the class, field 1 the raw map id, then the slots.
                    let map = raw.get(1).map_or(DICT_MODE, |&m| m as u32);
                    let slots = fields.split_off(2.min(fields.len()));
                    let class = fields.into_iter().next().unwrap_or(Value::NONE);
                    instance_with(&class, map, slots)
                }
                VirtualKind::RangeIter => match raw[..] {
                    [next, stop, step] => new_iterator(
                        &vm.types.range_iterator,
                        IterState::Range {
                            next: next as i64,
                            stop: stop as i64,
                            step: step as i64,
                        },
                    ),
                    _ => Value::NONE,
                },
            };
            built[i] = Some(object);
            on_stack[i] = false;
            stack.pop();
        }
    }
    built
        .into_iter()
        .map(|v| v.unwrap_or(Value::NONE))
        .collect()
}
