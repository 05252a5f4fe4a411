//! What the cycle collector sees of each payload: whether objects of a kind are tracked
//! (containers that can be part of a reference cycle), the references a payload holds
//! (`traverse`, CPython's `tp_traverse`) and how to break a garbage object's references
//! (`clear`, CPython's `tp_clear`).
//!
//! `traverse` must only report counted references the payload really holds; missing one
//! merely keeps some garbage alive (the object stays reachable), reporting too many would
//! free live objects. A payload whose state is borrowed right now reports nothing.

use crate::interp::frame::Frame;
use crate::object::{Payload, Value};
use crate::types::generator::{AsyncOp, GenState};
use crate::types::iter::IterState;

/// Whether objects with this payload are tracked by the cycle collector.
#[inline]
pub fn is_container(payload: &Payload) -> bool {
    matches!(
        payload,
        Payload::Instance(_)
            | Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::Function(_)
            | Payload::BoundMethod(_)
            | Payload::Cell(_)
            | Payload::Type(_)
            | Payload::Exception(_)
            | Payload::Traceback(_)
            | Payload::Iterator(_)
            | Payload::Property(_)
            | Payload::ClassMethod(_)
            | Payload::StaticMethod(_)
            | Payload::Generator(_)
            | Payload::Frame(_)
            | Payload::Native(_)
            | Payload::Deque(_)
            | Payload::Module(_)
            | Payload::Super(_, _)
            | Payload::AsyncOp(_)
            | Payload::GenericAlias(_)
            | Payload::DictView(_)
            | Payload::FrameLocalsProxy(_)
            | Payload::Slice(_)
    ) || matches!(payload, Payload::BuiltinFunction(b) if !b.receiver.is_null())
}

/// Calls `visit` on each value `payload` holds a counted reference to.
pub fn traverse(payload: &Payload, visit: &mut dyn FnMut(&Value)) {
    match payload {
        Payload::Instance(attrs) => {
            if let Ok(a) = attrs.try_borrow() {
                a.values.iter().for_each(&mut *visit);
                visit(&a.dict);
            }
        }
        // Last item first, as CPython's traversal (and so `gc.get_referents`) goes.
        Payload::List(items) => {
            if let Ok(items) = items.try_borrow() {
                items.iter().rev().for_each(visit);
            }
        }
        Payload::Tuple(items) => items.iter().rev().for_each(visit),
        Payload::Dict(table) => {
            if let Ok(t) = table.try_borrow() {
                for e in t.iter() {
                    visit(&e.key);
                    visit(&e.value);
                }
            }
        }
        Payload::Set(table) => {
            if let Ok(t) = table.try_borrow() {
                for (_, v) in t.entries() {
                    visit(v);
                }
            }
        }
        Payload::Function(f) => {
            visit(&f.globals);
            visit(&f.builtins);
            for cell in [
                &f.code,
                &f.name,
                &f.qualname,
                &f.module,
                &f.doc,
                &f.defaults,
                &f.kwdefaults,
                &f.closure,
                &f.dict,
                &f.annotations,
                &f.annotate,
            ] {
                if let Ok(v) = cell.try_borrow() {
                    visit(&v);
                }
            }
        }
        Payload::BoundMethod(m) => {
            visit(&m.function);
            visit(&m.receiver);
        }
        Payload::Cell(c) => {
            if let Ok(v) = c.try_borrow() {
                visit(&v);
            }
        }
        Payload::Type(t) => {
            visit(&t.dict);
            if let Ok(bases) = t.bases.try_borrow() {
                bases.iter().for_each(&mut *visit);
            }
            if let Ok(mro) = t.mro_tail.try_borrow() {
                mro.iter().for_each(&mut *visit);
            }
        }
        Payload::Exception(e) => {
            for cell in [&e.args, &e.traceback, &e.cause, &e.context, &e.dict] {
                if let Ok(v) = cell.try_borrow() {
                    visit(&v);
                }
            }
        }
        Payload::Traceback(tb) => {
            if let Ok(v) = tb.next.try_borrow() {
                visit(&v);
            }
            visit(&tb.code);
            visit(&tb.frame);
        }
        Payload::Iterator(state) => {
            if let Ok(s) = state.try_borrow() {
                traverse_iter(&s, visit);
            }
        }
        Payload::Property(p) => {
            visit(&p.getter);
            visit(&p.setter);
            visit(&p.deleter);
            visit(&p.doc);
        }
        Payload::ClassMethod(f) | Payload::StaticMethod(f) => visit(f),
        Payload::Super(a, b) => {
            visit(a);
            visit(b);
        }
        Payload::Generator(g) => {
            if let Ok(state) = g.state.try_borrow()
                && let GenState::Suspended(saved) = &*state
            {
                traverse_frame(&saved.frame, visit);
                saved.slots.iter().for_each(&mut *visit);
            }
            if let Ok(v) = g.exc_state.try_borrow() {
                visit(&v);
            }
            for cell in [&g.name, &g.qualname] {
                if let Ok(v) = cell.try_borrow() {
                    visit(&v);
                }
            }
            visit(&g.code);
        }
        Payload::Frame(f) => {
            visit(&f.code);
            visit(&f.globals);
            visit(&f.builtins);
            visit(&f.locals);
            for cell in [&f.extra_locals, &f.trace] {
                if let Ok(v) = cell.try_borrow() {
                    visit(&v);
                }
            }
            // A finished (or suspended) frame's locals and `f_back` live in its snapshot.
            if let Ok(snap) = f.snapshot.try_borrow() {
                snap.fast.iter().for_each(&mut *visit);
                visit(&snap.back);
            }
        }
        Payload::AsyncOp(op) => match &**op {
            AsyncOp::Wrapper { coro } => visit(coro),
            AsyncOp::ASend { agen, value, .. } => {
                visit(agen);
                if let Ok(v) = value.try_borrow() {
                    visit(&v);
                }
            }
            AsyncOp::AThrow { agen, exc, .. } => {
                visit(agen);
                visit(exc);
            }
            AsyncOp::Wrapped(v) => visit(v),
        },
        Payload::GenericAlias(g) => {
            visit(&g.origin);
            visit(&g.args);
            if let Ok(p) = g.parameters.try_borrow() {
                visit(&p);
            }
        }
        Payload::DictView(d) => visit(&d.dict),
        Payload::FrameLocalsProxy(frame) => visit(frame),
        Payload::Slice(sl) => {
            visit(&sl.start);
            visit(&sl.stop);
            visit(&sl.step);
        }
        // A bound builtin method (`[].append`) holds its receiver.
        Payload::BuiltinFunction(b) => visit(&b.receiver),
        Payload::Native(n) => {
            if let Ok(d) = n.dict.try_borrow() {
                visit(&d);
            }
            n.state.traverse(visit);
        }
        Payload::Deque(d) => {
            if let crate::modules::collections::deque::DequeObject::Deque(data) = &**d
                && let Ok(data) = data.try_borrow()
            {
                data.items.iter().for_each(visit);
            }
        }
        Payload::Module(m) => visit(&m.dict),
        _ => {}
    }
}

fn traverse_frame(frame: &Frame, visit: &mut dyn FnMut(&Value)) {
    visit(&frame.code);
    visit(&frame.func);
    visit(&frame.globals);
    visit(&frame.builtins);
    visit(&frame.locals);
    visit(&frame.generator);
    visit(&frame.object);
    visit(&frame.init_self);
}

fn traverse_iter(state: &IterState, visit: &mut dyn FnMut(&Value)) {
    match state {
        IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => visit(seq),
        IterState::Str { text, .. } => visit(text),
        IterState::BigRange { next, stop, step } => {
            visit(next);
            visit(stop);
            visit(step);
        }
        IterState::Dict { dict, .. } => visit(dict),
        IterState::Set { set, .. } => visit(set),
        IterState::Enumerate { iter, count } => {
            visit(iter);
            visit(count);
        }
        IterState::Zip { iters, .. } => iters.iter().for_each(visit),
        IterState::Map { func, iters } => {
            visit(func);
            iters.iter().for_each(visit);
        }
        IterState::Filter { func, iter, .. } => {
            visit(func);
            visit(iter);
        }
        IterState::Callable { func, sentinel } => {
            visit(func);
            visit(sentinel);
        }
        _ => {}
    }
}

/// Breaks the references of a garbage object (CPython's `tp_clear`): the values taken out
/// are returned so the caller drops them once every object of the batch is cleared.
pub fn clear(payload: &Payload, out: &mut Vec<Value>) {
    match payload {
        Payload::Instance(attrs) => {
            if let Ok(mut a) = attrs.try_borrow_mut() {
                for v in a.values.iter_mut() {
                    out.push(std::mem::take(v));
                }
                out.push(std::mem::take(&mut a.dict));
                // The map still describes the (now empty) values; leave it for reprs.
            }
        }
        Payload::List(items) => {
            if let Ok(mut items) = items.try_borrow_mut() {
                out.extend(items.drain(..));
            }
        }
        Payload::Dict(table) => {
            if let Ok(mut t) = table.try_borrow_mut() {
                for e in t.iter() {
                    out.push(e.key.clone());
                    out.push(e.value.clone());
                }
                t.clear();
            }
        }
        Payload::Set(table) => {
            if let Ok(mut t) = table.try_borrow_mut() {
                out.extend(t.entries().map(|(_, v)| v.clone()));
                t.clear();
            }
        }
        Payload::Function(f) => {
            for cell in [
                &f.defaults,
                &f.kwdefaults,
                &f.closure,
                &f.dict,
                &f.annotations,
                &f.annotate,
            ] {
                if let Ok(mut v) = cell.try_borrow_mut() {
                    out.push(std::mem::take(&mut *v));
                }
            }
        }
        Payload::Cell(c) => {
            if let Ok(mut v) = c.try_borrow_mut() {
                out.push(std::mem::take(&mut *v));
            }
        }
        Payload::Type(t) => {
            // The dict holds the methods (and through their `__class__` cells, the class).
            if let Some(d) = t.dict.as_dict()
                && let Ok(mut d) = d.try_borrow_mut()
            {
                for e in d.iter() {
                    out.push(e.value.clone());
                }
                d.clear();
            }
            t.bump_version();
        }
        Payload::Exception(e) => {
            for cell in [&e.args, &e.traceback, &e.cause, &e.context, &e.dict] {
                if let Ok(mut v) = cell.try_borrow_mut() {
                    out.push(std::mem::take(&mut *v));
                }
            }
        }
        Payload::Traceback(tb) => {
            if let Ok(mut v) = tb.next.try_borrow_mut() {
                out.push(std::mem::take(&mut *v));
            }
        }
        Payload::Generator(g) => {
            if let Ok(mut state) = g.state.try_borrow_mut()
                && matches!(&*state, GenState::Suspended(_))
            {
                let old = std::mem::replace(&mut *state, GenState::Finished);
                if let GenState::Suspended(saved) = old {
                    out.extend(saved.slots);
                    drop(saved.frame);
                }
            }
            if let Ok(mut v) = g.exc_state.try_borrow_mut() {
                out.push(std::mem::take(&mut *v));
            }
        }
        Payload::Frame(f) => {
            for cell in [&f.extra_locals, &f.trace] {
                if let Ok(mut v) = cell.try_borrow_mut() {
                    out.push(std::mem::take(&mut *v));
                }
            }
            // CPython's frame_tp_clear drops the locals of a frame that is not running.
            if let Ok(mut snap) = f.snapshot.try_borrow_mut() {
                for v in snap.fast.iter_mut() {
                    out.push(std::mem::take(v));
                }
                out.push(std::mem::take(&mut snap.back));
            }
        }
        Payload::AsyncOp(op) => {
            if let AsyncOp::ASend { value, .. } = &**op
                && let Ok(mut v) = value.try_borrow_mut()
            {
                out.push(std::mem::take(&mut *v));
            }
        }
        Payload::Native(n) => {
            if let Ok(mut d) = n.dict.try_borrow_mut() {
                out.push(std::mem::take(&mut *d));
            }
            n.state.clear(out);
        }
        Payload::Deque(d) => {
            if let crate::modules::collections::deque::DequeObject::Deque(data) = &**d
                && let Ok(mut data) = data.try_borrow_mut()
            {
                out.extend(data.items.drain(..));
            }
        }
        Payload::Iterator(state) => {
            if let Ok(mut s) = state.try_borrow_mut() {
                let old = std::mem::replace(&mut *s, IterState::Exhausted);
                // The old state's values drop with it, after the borrow ends.
                drop(s);
                drop(old);
            }
        }
        _ => {}
    }
}
