//! Recording lists and tuples inline: exact-type guards, `len`, indexing (`seq[i]`,
//! `lst[i] = v`), unpacking, tuples built and unpacked at once (never allocated), and the
//! helper calls for `list.append` and `x in seq`.
//!
//! Items and lengths are read straight from the objects, at offsets measured once on real
//! objects ([`crate::object::layout`]), after a guard on the object's exact type (hoisted
//! out of the loop by peeling when the object is loop-invariant). A list's length and item
//! pointer are loads like any other: a helper that may write memory (`list.append`) kills
//! them, so they are read again after it.
//!
//! Reference counts: the trace never creates a heap object. Item words it reads are
//! borrowed from their container, which nothing inside the trace frees: `lst[i] = v`
//! only stores an immediate over an immediate (guarded), and `list.append` only adds.

use std::sync::OnceLock;

use pyrite_ir::{Effect, Op, Ref, Type, TypeTag, abi};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step, tag_of};
use crate::jit::glue::names;
use crate::object::layout::{SeqLayout, measure_seq_layout};
use crate::object::{Payload, Value};

/// The sequence types traces read inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SeqKind {
    List,
    Tuple,
}

/// The measured layout (the same for every object of a type within one build).
fn layout(rec: &Recorder) -> Step<SeqLayout> {
    static LAYOUT: OnceLock<Option<SeqLayout>> = OnceLock::new();
    let measured = *LAYOUT.get_or_init(|| {
        let mut items = Vec::with_capacity(7);
        items.extend((0..3).filter_map(Value::try_small_int));
        let list = rec.vm.new_list(items);
        let tuple_items = (0..3).filter_map(Value::try_small_int).collect();
        let tuple = rec.vm.new_tuple(tuple_items);
        measure_seq_layout(&list, &tuple)
    });
    measured.ok_or(AbortReason::UnsupportedTypes("sequence layout"))
}

/// `f` of the items of an exact list or tuple, borrowed in place (a 1.5M-item list is
/// never copied to read one item); `None` for other values or a list borrowed mutably.
pub(super) fn with_items<R>(v: &Value, f: impl FnOnce(&[Value]) -> R) -> Option<R> {
    match v.payload()? {
        Payload::List(l) => l.try_borrow().ok().map(|l| f(&l)),
        Payload::Tuple(t) => Some(f(t)),
        _ => None,
    }
}

/// The length of an exact list or tuple.
pub(super) fn len_of(v: &Value) -> Option<usize> {
    with_items(v, <[Value]>::len)
}

/// Item `i` of an exact list or tuple, Python's negative indices counting from the end;
/// `None` out of range (or for other values).
pub(super) fn item_of(v: &Value, i: i64) -> Option<Value> {
    with_items(v, |items| {
        let at = if i < 0 { i + items.len() as i64 } else { i };
        usize::try_from(at)
            .ok()
            .and_then(|at| items.get(at).cloned())
    })
    .flatten()
}

impl Recorder<'_> {
    /// The kind of an exact list or tuple.
    pub(super) fn seq_kind(&self, v: &Value) -> Option<SeqKind> {
        let bits = v.as_object()?.type_bits();
        if bits == self.vm.types.list.bits() {
            Some(SeqKind::List)
        } else if bits == self.vm.types.tuple.bits() {
            Some(SeqKind::Tuple)
        } else {
            None
        }
    }

    fn kind_type_bits(&self, kind: SeqKind) -> u64 {
        match kind {
            SeqKind::List => self.vm.types.list.bits(),
            SeqKind::Tuple => self.vm.types.tuple.bits(),
        }
    }

    /// Guards that the value word `r` is an object of exactly the type at `type_bits`.
    pub(super) fn guard_exact_type(&mut self, r: Ref, type_bits: u64) -> Step<()> {
        if self.b.trace().type_of(r) != Type::Value {
            return Err(AbortReason::UnsupportedTypes("container that is a number"));
        }
        self.b.guard_type(r, TypeTag::Object);
        let ty = self.b.load(Type::Value, r, abi::HEADER_TYPE_OFFSET);
        let expected = self.b.const_value(type_bits);
        self.b.guard_eq(ty, expected);
        Ok(())
    }

    /// Guards the exact kind of a sequence entry; returns it.
    pub(super) fn guard_seq(&mut self, seq: &Entry) -> Step<SeqKind> {
        let kind = self
            .seq_kind(&seq.v)
            .ok_or(AbortReason::UnsupportedTypes("sequence"))?;
        self.guard_exact_type(seq.r, self.kind_type_bits(kind))?;
        Ok(kind)
    }

    /// The truth of an exact list or tuple: its length is not zero.
    pub(super) fn seq_truth(&mut self, e: &Entry) -> Step<Option<(Ref, bool)>> {
        let Some(len) = len_of(&e.v) else {
            return Ok(None);
        };
        if self.seq_kind(&e.v).is_none()
            || self.b.trace().type_of(e.r) != Type::Value
            || self.built_tuples.contains_key(&e.r)
        {
            return Ok(None);
        }
        let kind = self.guard_seq(e)?;
        let n = self.seq_len_of(e.r, kind)?;
        let zero = self.b.const_int(0);
        let r = self.b.emit(Op::NeInt, &[n, zero]);
        Ok(Some((r, len != 0)))
    }

    /// The length of a guarded sequence (`i64`).
    pub(super) fn seq_len_of(&mut self, seq: Ref, kind: SeqKind) -> Step<Ref> {
        let layout = layout(self)?;
        let offset = match kind {
            SeqKind::List => layout.list_len,
            SeqKind::Tuple => layout.tuple_len,
        };
        Ok(self.b.load(Type::I64, seq, offset))
    }

    /// Item `index` (`i64`, known in range) of a guarded sequence: its value word, guarded
    /// to have the tag its concrete value has.
    pub(super) fn seq_item_at(
        &mut self,
        seq: Ref,
        kind: SeqKind,
        index: Ref,
        concrete: &Value,
    ) -> Step<Ref> {
        let layout = layout(self)?;
        let offset = match kind {
            SeqKind::List => layout.list_items,
            SeqKind::Tuple => layout.tuple_items,
        };
        let tag = tag_of(concrete).ok_or(AbortReason::UnsupportedTypes("sequence item"))?;
        let items = self.b.load(Type::Ptr, seq, offset);
        let word = self.b.load_elem(Type::Value, items, index, 0);
        self.b.guard_type(word, tag);
        Ok(word)
    }

    /// The non-negative position `index` designates in a sequence of length `len`
    /// (Python's negative indices count from the end), with guards that it is in range;
    /// the concrete index `i` chooses the sign the trace assumes.
    fn checked_position(&mut self, index: Ref, i: i64, len: Ref, len_now: i64) -> Ref {
        let zero = self.b.const_int(0);
        let at = if i < 0 {
            let negative = self.b.emit(Op::LtInt, &[index, zero]);
            self.b.guard_true(negative);
            let at = self.b.emit(Op::AddInt, &[index, len]);
            match self.range_item_from_end(index, len, len_now) {
                // `seq[c - i]` (c < 0) for the loop's range item `i`: `len + c - i >= 0`
                // is `i < len + c + 1`, which `i < stop` and one invariant
                // `stop <= len + c + 1` decide.
                Some((item, limit)) => {
                    let below = self.b.emit(Op::LtInt, &[item, limit]);
                    self.b.guard_true(below);
                }
                None => {
                    let above = self.b.emit(Op::GeInt, &[at, zero]);
                    self.b.guard_true(above);
                }
            }
            at
        } else {
            let above = self.b.emit(Op::GeInt, &[index, zero]);
            self.b.guard_true(above);
            index
        };
        // `seq[i]` for the loop's `for i in range(..., stop)`: one check `stop <= len`,
        // invariant when the sequence's length is (peeling runs it once, before the loop),
        // lets range analysis drop the per-iteration `i < len` (`i < stop` holds already).
        if let Some((item, stop, stop_now)) = self.range_item
            && item == index
            && i >= 0
            && stop_now <= len_now
        {
            let fits = self.b.emit(Op::LeInt, &[stop, len]);
            self.b.guard_true(fits);
        }
        let below = self.b.emit(Op::LtInt, &[at, len]);
        self.b.guard_true(below);
        at
    }

    /// For an index `c - item` (a constant `c < 0`, `item` the loop's ascending range
    /// item) into a sequence of length `len`: the item and `len + c + 1`, after the
    /// invariant guard `stop <= len + c + 1` (when it holds now).
    fn range_item_from_end(&mut self, index: Ref, len: Ref, len_now: i64) -> Option<(Ref, Ref)> {
        let (item, stop, stop_now) = self.range_item?;
        let def = self.b.trace().inst(index)?;
        if !matches!(def.op, Op::SubInt | Op::SubIntOvf) || def.args.get(1) != Some(&item) {
            return None;
        }
        let c = self.b.trace().const_value(*def.args.first()?)?.as_int()?;
        // c is a small int (a recorded constant) and len a list length: no overflow.
        if !(abi::SMALL_INT_MIN..0).contains(&c) || stop_now > len_now + c + 1 {
            return None;
        }
        let offset = self.b.const_int(c + 1);
        let limit = self.b.emit(Op::AddInt, &[len, offset]);
        let fits = self.b.emit(Op::LeInt, &[stop, limit]);
        self.b.guard_true(fits);
        Some((item, limit))
    }

    /// `seq[i]` on an exact list or tuple with a small-int index, inline; `None` when the
    /// operands are something else.
    pub(super) fn subscript_seq(&mut self, seq: &Entry, index: &Entry) -> Step<Option<Entry>> {
        let (Some(_), Some(i)) = (self.seq_kind(&seq.v), index.v.as_small_int()) else {
            return Ok(None);
        };
        // Out of range: the interpreter raises IndexError.
        let item =
            item_of(&seq.v, i).ok_or(AbortReason::UnsupportedTypes("subscript out of range"))?;
        let kind = self.guard_seq(seq)?;
        let idx = self.as_int(index)?;
        let len_now = len_of(&seq.v).ok_or(AbortReason::FrameShape)? as i64;
        let len = self.seq_len_of(seq.r, kind)?;
        let at = self.checked_position(idx, i, len, len_now);
        let word = self.seq_item_at(seq.r, kind, at, &item)?;
        Ok(Some(Entry { r: word, v: item }))
    }

    /// `lst[i] = v` on an exact list, for an immediate (int, float, bool, None) stored over
    /// an immediate: no reference count changes and nothing can be freed.
    pub(super) fn store_subscr(&mut self) -> Step<()> {
        let index = self.pop()?;
        let seq = self.pop()?;
        let value = self.pop()?;
        let (Some(SeqKind::List), Some(i)) = (self.seq_kind(&seq.v), index.v.as_small_int()) else {
            return Err(AbortReason::UnsupportedTypes("STORE_SUBSCR"));
        };
        let old =
            item_of(&seq.v, i).ok_or(AbortReason::UnsupportedTypes("subscript out of range"))?;
        if old.is_heap() || value.v.is_heap() {
            return Err(AbortReason::StoreOfObject);
        }
        let word = self.boxed(&value)?;
        let kind = self.guard_seq(&seq)?;
        let idx = self.as_int(&index)?;
        let len_now = len_of(&seq.v).ok_or(AbortReason::FrameShape)? as i64;
        let len = self.seq_len_of(seq.r, kind)?;
        let at = self.checked_position(idx, i, len, len_now);
        // The old item's guard keeps it an immediate (nothing to release).
        self.seq_item_at(seq.r, kind, at, &old)?;
        let layout = layout(self)?;
        let items = self.b.load(Type::Ptr, seq.r, layout.list_items);
        self.b.store_elem(items, at, 0, word);
        Ok(())
    }

    /// `len(x)` of an exact list or tuple, inline; `None` for other types.
    pub(super) fn len_inline(&mut self, arg: &Entry) -> Step<Option<Entry>> {
        if self.seq_kind(&arg.v).is_none() {
            return Ok(None);
        }
        let n = len_of(&arg.v).ok_or(AbortReason::FrameShape)? as i64;
        let kind = self.guard_seq(arg)?;
        let r = self.seq_len_of(arg.r, kind)?;
        self.int_entry(r, Some(n)).map(Some)
    }

    /// `BUILD_TUPLE n`: a `new_tuple` the optimizer removes when the tuple is only
    /// unpacked; the recorder remembers its fields so `UNPACK_SEQUENCE` reads them directly.
    pub(super) fn build_tuple(&mut self, n: usize) -> Step<()> {
        let start = self
            .stack
            .len()
            .checked_sub(n)
            .ok_or(AbortReason::FrameShape)?;
        let fields: Vec<Entry> = self.stack.split_off(start);
        let mut words = Vec::with_capacity(n);
        for f in &fields {
            words.push(self.boxed(f)?);
        }
        let tuple = self.make_tuple(&words, &fields);
        self.push(tuple);
        Ok(())
    }

    /// A `new_tuple` of `words` whose fields are `fields`, remembered as built by the trace.
    pub(super) fn make_tuple(&mut self, words: &[Ref], fields: &[Entry]) -> Entry {
        let r = self.b.new_tuple(words);
        let v = self
            .vm
            .new_tuple(fields.iter().map(|f| f.v.clone()).collect());
        self.built_tuples.insert(r, fields.to_vec());
        Entry { r, v }
    }

    /// `UNPACK_SEQUENCE n` of a tuple the trace built (no code at all) or of an exact tuple
    /// or list of length `n` (a length guard and item loads).
    pub(super) fn unpack_sequence(&mut self, n: usize) -> Step<()> {
        let seq = self.pop()?;
        let fields = match self.built_tuples.get(&seq.r) {
            Some(fields) if fields.len() == n => fields.clone(),
            Some(_) => return Err(AbortReason::UnsupportedTypes("unpack of the wrong length")),
            None => {
                let len = len_of(&seq.v)
                    .filter(|_| self.seq_kind(&seq.v).is_some())
                    .ok_or(AbortReason::UnsupportedTypes("UNPACK_SEQUENCE"))?;
                if len != n {
                    // The interpreter raises ValueError.
                    return Err(AbortReason::UnsupportedTypes("unpack of the wrong length"));
                }
                let items = with_items(&seq.v, <[Value]>::to_vec).ok_or(AbortReason::FrameShape)?;
                let kind = self.guard_seq(&seq)?;
                let len = self.seq_len_of(seq.r, kind)?;
                let want = self.b.const_int(n as i64);
                let same = self.b.emit(Op::EqInt, &[len, want]);
                self.b.guard_true(same);
                let mut fields = Vec::with_capacity(n);
                for (i, item) in items.iter().enumerate() {
                    let at = self.b.const_int(i as i64);
                    let word = self.seq_item_at(seq.r, kind, at, item)?;
                    fields.push(Entry {
                        r: word,
                        v: item.clone(),
                    });
                }
                fields
            }
        };
        for f in fields.into_iter().rev() {
            self.push(f);
        }
        Ok(())
    }

    /// `LOAD_ATTR` (method form) of `append` or `pop` on an exact list: pushes the method
    /// descriptor (a constant: builtin types cannot change) and the list. `None` when the
    /// receiver or name is something else.
    pub(super) fn load_list_method(&mut self, name: &Value) -> Step<Option<()>> {
        let Some(receiver) = self.stack.last().cloned() else {
            return Ok(None);
        };
        let name = match name.as_str() {
            Some(n @ ("append" | "pop")) => n,
            _ => return Ok(None),
        };
        if self.seq_kind(&receiver.v) != Some(SeqKind::List) {
            return Ok(None);
        }
        let Some(method) = self.vm.lookup_type_attr(&self.vm.types.list, name) else {
            return Ok(None);
        };
        self.guard_seq(&receiver)?;
        self.pop()?;
        let callee = self.b.const_value(method.bits());
        if name == "append" {
            self.list_append_method = Some(method.clone());
        }
        self.push(Entry {
            r: callee,
            v: method,
        });
        self.push(receiver);
        Ok(Some(()))
    }

    /// `CALL 1` of the `list.append` descriptor pushed by [`Self::load_list_method`]: a
    /// helper call that appends (a new reference for the list). It has no guard after it:
    /// the list's exact type was guarded and no `RefCell` borrow is held while a trace
    /// runs, so it cannot fail, and a guard leaving from here would append twice.
    pub(super) fn call_list_append(&mut self, argc: usize) -> Step<Option<Entry>> {
        let len = self.stack.len();
        if argc != 1 || len < 3 {
            return Ok(None);
        }
        let callee = self.stack[len - 3].clone();
        // A side trace starting between the method load and the call has the descriptor
        // in a slot: guarded to be the constant.
        let method = self
            .list_append_method
            .clone()
            .or_else(|| self.vm.lookup_type_attr(&self.vm.types.list, "append"));
        let Some(method) = method.filter(|m| m.is(&callee.v)) else {
            return Ok(None);
        };
        if self.b.trace().type_of(callee.r) != Type::Value
            || self.seq_kind(&self.stack[len - 2].v) != Some(SeqKind::List)
        {
            return Ok(None);
        }
        let descriptor = self.b.const_value(method.bits());
        if callee.r != descriptor {
            self.b.guard_eq(callee.r, descriptor);
        }
        let list = self.stack[len - 2].clone();
        self.guard_seq(&list)?;
        let item = self.pop()?;
        let list = self.pop()?;
        self.pop()?;
        if self.built_tuples.contains_key(&item.r) {
            return Err(AbortReason::StoreOfObject);
        }
        let item = self.escape(&item)?;
        let word = self.boxed(&item)?;
        let helper = self.b.helper(
            names::LIST_APPEND,
            &[Type::Value, Type::Value, Type::Value],
            Type::Void,
            Effect::MayRaise,
        );
        let list_type = self.b.const_value(self.vm.types.list.bits());
        self.b.call(helper, &[list.r, word, list_type]);
        Ok(Some(self.constant(&Value::NONE)))
    }

    /// `LIST_APPEND i` (a list comprehension's append to the list `i` entries down the
    /// stack): the `list.append` helper after an exact-list guard (hoisted: the list is
    /// loop-invariant).
    pub(super) fn list_append_op(&mut self, depth: usize) -> Step<()> {
        let item = self.pop()?;
        let list = self
            .stack
            .len()
            .checked_sub(depth)
            .and_then(|at| self.stack.get(at))
            .cloned()
            .ok_or(AbortReason::FrameShape)?;
        if self.seq_kind(&list.v) != Some(SeqKind::List) {
            return Err(AbortReason::UnsupportedTypes("LIST_APPEND"));
        }
        if self.built_tuples.contains_key(&item.r) {
            return Err(AbortReason::StoreOfObject);
        }
        self.guard_seq(&list)?;
        let item = self.escape(&item)?;
        let word = self.boxed(&item)?;
        let helper = self.b.helper(
            names::LIST_APPEND,
            &[Type::Value, Type::Value, Type::Value],
            Type::Void,
            Effect::MayRaise,
        );
        let list_type = self.b.const_value(self.vm.types.list.bits());
        self.b.call(helper, &[list.r, word, list_type]);
        Ok(())
    }

    /// `x in seq` / `x not in seq` for an exact list or tuple and an immediate `x`: a
    /// helper that compares without running Python code (-1 when it would have to).
    pub(super) fn contains(&mut self, invert: bool) -> Step<Entry> {
        let seq = self.pop()?;
        let item = self.pop()?;
        let kind = self
            .seq_kind(&seq.v)
            .ok_or(AbortReason::UnsupportedTypes("CONTAINS_OP"))?;
        if item.v.is_heap() {
            return Err(AbortReason::UnsupportedTypes("CONTAINS_OP"));
        }
        let found = with_items(&seq.v, |items| {
            crate::jit::glue::immediate_in(&item.v, items)
        })
        .flatten()
        .ok_or(AbortReason::UnsupportedTypes("CONTAINS_OP"))?;
        let word = self.boxed(&item)?;
        let helper = self.b.helper(
            names::SEQ_CONTAINS,
            &[Type::Value, Type::Value, Type::Value],
            Type::I64,
            Effect::MayRaise,
        );
        let ty = self.b.const_value(self.kind_type_bits(kind));
        let r = self.b.call(helper, &[seq.r, word, ty]);
        let zero = self.b.const_int(0);
        let decided = self.b.emit(Op::GeInt, &[r, zero]);
        self.b.guard_true(decided);
        let truth = self.b.emit(Op::NeInt, &[r, zero]);
        let (r, value) = if invert {
            (self.b.emit(Op::NotBool, &[truth]), !found)
        } else {
            (truth, found)
        };
        Ok(self.bool_entry(r, value))
    }
}
