//! Recording `FOR_ITER` inline over list and tuple iterators, and over `enumerate` and
//! `zip` of lists, tuples and ranges, with no helper call and no allocation per iteration.
//!
//! As for a top-level range, an iterator's state lives raw in the trace's slot array as
//! [`IterHome`]s: a sequence iterator's sequence (a value word, only read) and position
//! (an `i64`), a nested range's position, stop and step, and enumerate's count. The entry
//! reads them out of the iterator objects; an exit writes back the ones that moved. Each
//! iteration re-reads the list's length (a list can grow or shrink), guards that the
//! position is below it, and loads the item. All guards of one `FOR_ITER` come before its
//! first store, so every one of them leaves with the iterators untouched and the
//! interpreter redoes the instruction. The tuples `enumerate` and `zip` produce are built
//! with `new_tuple`, which the recorder unpacks directly and the optimizer then removes.

use pyrite_ir::{Op, Ref, Type};
use pyrite_profiler::AbortReason;

use super::seq::item_of;
use super::{Entry, Home, Recorder, Step};
use crate::object::{Payload, Value};
use crate::types::iter::IterState;
use crate::vm::Vm;

/// A field of an iterator the trace keeps raw in its slot array.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum IterField {
    /// A sequence iterator's sequence (a value word, never written).
    SeqObject,
    /// A sequence iterator's position.
    SeqIndex,
    RangeNext,
    RangeStop,
    RangeStep,
    /// `enumerate`'s next count.
    Count,
}

impl IterField {
    /// Whether a trace advances this field (and the exit writes it back).
    fn is_written(self) -> bool {
        matches!(
            self,
            IterField::SeqIndex | IterField::RangeNext | IterField::Count
        )
    }
}

/// A home holding a field of the iterator in frame slot `slot` (`nested` 0) or of its
/// inner iterator `nested - 1` (enumerate's only one, zip's by position).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct IterHome {
    pub slot: usize,
    pub nested: u8,
    pub field: IterField,
}

/// The iterator an [`IterHome`] reads.
fn iterator_at(vm: &Vm, base: usize, home: &IterHome) -> Option<Value> {
    let it = vm.stack.get(base + home.slot)?;
    if home.nested == 0 {
        return Some(it.clone());
    }
    let Some(Payload::Iterator(state)) = it.payload() else {
        return None;
    };
    match &*state.try_borrow().ok()? {
        IterState::Enumerate { iter, .. } if home.nested == 1 => Some(iter.clone()),
        IterState::Zip { iters, .. } => iters.get(usize::from(home.nested) - 1).cloned(),
        _ => None,
    }
}

/// The word a trace starts with in an iterator home (`None`: the iterator is not of the
/// kind the trace was recorded with, so the trace cannot be entered).
pub(crate) fn read_home(vm: &Vm, base: usize, home: &IterHome) -> Option<u64> {
    let it = iterator_at(vm, base, home)?;
    let Some(Payload::Iterator(state)) = it.payload() else {
        return None;
    };
    let state = state.try_borrow().ok()?;
    match (&*state, home.field) {
        (IterState::Seq { seq, .. }, IterField::SeqObject) => Some(seq.bits()),
        (IterState::Seq { index, .. }, IterField::SeqIndex) => {
            i64::try_from(*index).ok().map(|i| i as u64)
        }
        (IterState::Range { next, .. }, IterField::RangeNext) => Some(*next as u64),
        (IterState::Range { stop, .. }, IterField::RangeStop) => Some(*stop as u64),
        (IterState::Range { step, .. }, IterField::RangeStep) => Some(*step as u64),
        (IterState::Enumerate { count, .. }, IterField::Count) => {
            count.as_small_int().map(|c| c as u64)
        }
        _ => None,
    }
}

/// Writes an exit's raw word back into an iterator, if the field is one traces advance
/// and the trace changed it (`entry` is the word it started with).
pub(crate) fn write_home(vm: &Vm, base: usize, home: &IterHome, raw: u64, entry: Option<u64>) {
    if !home.field.is_written() || entry == Some(raw) {
        return;
    }
    let Some(it) = iterator_at(vm, base, home) else {
        return;
    };
    let Some(Payload::Iterator(state)) = it.payload() else {
        return;
    };
    let Ok(mut state) = state.try_borrow_mut() else {
        return;
    };
    match (&mut *state, home.field) {
        (IterState::Seq { index, .. }, IterField::SeqIndex) => {
            if let Ok(i) = usize::try_from(raw as i64) {
                *index = i;
            }
        }
        (IterState::Range { next, .. }, IterField::RangeNext) => *next = raw as i64,
        (IterState::Enumerate { count, .. }, IterField::Count) => *count = vm.new_int(raw as i64),
        _ => {}
    }
}

/// An iterator the trace can step inline, with its state at recording time.
enum Source {
    Seq { seq: Value, index: usize },
    Range { next: i64, stop: i64, step: i64 },
}

fn source_of(it: &Value) -> Option<Source> {
    let Some(Payload::Iterator(state)) = it.payload() else {
        return None;
    };
    match &*state.try_borrow().ok()? {
        IterState::Seq { seq, index } => Some(Source::Seq {
            seq: seq.clone(),
            index: *index,
        }),
        IterState::Range { next, stop, step } => Some(Source::Range {
            next: *next,
            stop: *stop,
            step: *step,
        }),
        _ => None,
    }
}

/// The iterator shapes recorded inline.
enum Shape {
    Seq(Source),
    Enumerate(Source, i64),
    Zip(Vec<Source>),
}

fn shape_of(it: &Value) -> Option<Shape> {
    let Some(Payload::Iterator(state)) = it.payload() else {
        return None;
    };
    let state = state.try_borrow().ok()?;
    match &*state {
        IterState::Seq { .. } => source_of(it).map(Shape::Seq),
        IterState::Enumerate { iter, count } => {
            Some(Shape::Enumerate(source_of(iter)?, count.as_small_int()?))
        }
        IterState::Zip { iters, .. } if !iters.is_empty() && iters.len() < 255 => iters
            .iter()
            .map(source_of)
            .collect::<Option<Vec<_>>>()
            .map(Shape::Zip),
        _ => None,
    }
}

/// One item fetched inline: its entry and the raw home to advance (stored only after every
/// guard of the instruction).
struct Fetch {
    item: Entry,
    advance: (u32, Ref),
}

impl Recorder<'_> {
    fn iter_home(&mut self, slot: usize, nested: u8, field: IterField) -> u32 {
        let home = IterHome {
            slot,
            nested,
            field,
        };
        let found = self
            .homes
            .iter()
            .position(|h| matches!(h, Home::Iter(h) if *h == home));
        if let Some(k) = found {
            return k as u32;
        }
        self.homes.push(Home::Iter(home));
        (self.homes.len() - 1) as u32
    }

    /// `FOR_ITER` at the loop header over a list/tuple iterator, `enumerate` or `zip`:
    /// the item to push, or `None` for other iterators (a top-level range included).
    pub(super) fn for_iter_inline(&mut self, it: &Value, slot: usize) -> Step<Option<Entry>> {
        let Some(shape) = shape_of(it) else {
            return Ok(None);
        };
        match shape {
            // A list/tuple subclass keeps the generic iterator helper path.
            Shape::Seq(Source::Seq { ref seq, .. }) if self.seq_kind(seq).is_none() => Ok(None),
            Shape::Seq(source @ Source::Seq { .. }) => {
                let fetch = self.fetch(slot, 0, source)?;
                self.b.store_slot(fetch.advance.0, fetch.advance.1);
                Ok(Some(fetch.item))
            }
            Shape::Seq(Source::Range { .. }) => Ok(None),
            Shape::Enumerate(source, count) => {
                let fetch = self.fetch(slot, 1, source)?;
                let k = self.iter_home(slot, 0, IterField::Count);
                let c = self.b.load_slot_typed(k, Type::I64);
                let one = self.b.const_int(1);
                let next = self.b.emit(Op::AddIntOvf, &[c, one]);
                let count = self.int_entry(c, Some(count))?;
                let words = [self.boxed(&count)?, self.boxed(&fetch.item)?];
                self.b.store_slot(fetch.advance.0, fetch.advance.1);
                self.b.store_slot(k, next);
                Ok(Some(self.make_tuple(&words, &[count, fetch.item])))
            }
            Shape::Zip(sources) => {
                let mut fetches = Vec::with_capacity(sources.len());
                for (i, source) in sources.into_iter().enumerate() {
                    fetches.push(self.fetch(slot, i as u8 + 1, source)?);
                }
                let mut words = Vec::with_capacity(fetches.len());
                for f in &fetches {
                    words.push(self.boxed(&f.item)?);
                }
                for f in &fetches {
                    self.b.store_slot(f.advance.0, f.advance.1);
                }
                let items: Vec<Entry> = fetches.into_iter().map(|f| f.item).collect();
                Ok(Some(self.make_tuple(&words, &items)))
            }
        }
    }

    /// Emits the guards and loads that take the next item of one iterator.
    fn fetch(&mut self, slot: usize, nested: u8, source: Source) -> Step<Fetch> {
        match source {
            Source::Seq { seq, index } => {
                let kind = self
                    .seq_kind(&seq)
                    .ok_or(AbortReason::UnsupportedTypes("FOR_ITER"))?;
                let item = i64::try_from(index)
                    .ok()
                    .and_then(|i| item_of(&seq, i))
                    .ok_or(AbortReason::LeftLoop)?;
                let k_seq = self.iter_home(slot, nested, IterField::SeqObject);
                let k_index = self.iter_home(slot, nested, IterField::SeqIndex);
                let seq_r = self.b.load_slot(k_seq);
                self.guard_seq(&Entry { r: seq_r, v: seq })?;
                let index = self.b.load_slot_typed(k_index, Type::I64);
                let len = self.seq_len_of(seq_r, kind)?;
                let more = self.b.emit(Op::LtInt, &[index, len]);
                self.b.guard_true(more);
                let word = self.seq_item_at(seq_r, kind, index, &item)?;
                let one = self.b.const_int(1);
                let next = self.b.emit(Op::AddInt, &[index, one]);
                Ok(Fetch {
                    item: Entry { r: word, v: item },
                    advance: (k_index, next),
                })
            }
            Source::Range { next, stop, step } => {
                let more_now = if step > 0 { next < stop } else { next > stop };
                if !more_now {
                    return Err(AbortReason::LeftLoop);
                }
                let item = Value::try_small_int(next).ok_or(AbortReason::Overflow)?;
                let kn = self.iter_home(slot, nested, IterField::RangeNext);
                let ks = self.iter_home(slot, nested, IterField::RangeStop);
                let kst = self.iter_home(slot, nested, IterField::RangeStep);
                let n = self.b.load_slot_typed(kn, Type::I64);
                let s = self.b.load_slot_typed(ks, Type::I64);
                let st = self.b.load_slot_typed(kst, Type::I64);
                let zero = self.b.const_int(0);
                let (sign, more) = if step > 0 {
                    (Op::GtInt, Op::LtInt)
                } else {
                    (Op::LtInt, Op::GtInt)
                };
                let direction = self.b.emit(sign, &[st, zero]);
                self.b.guard_true(direction);
                let has_more = self.b.emit(more, &[n, s]);
                self.b.guard_true(has_more);
                let advanced = self.b.emit(Op::AddIntOvf, &[n, st]);
                Ok(Fetch {
                    item: Entry { r: n, v: item },
                    advance: (kn, advanced),
                })
            }
        }
    }
}
