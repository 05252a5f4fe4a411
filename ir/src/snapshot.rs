//! Snapshots: what an exit needs to rebuild the interpreter's state.
//!
//! A guard names a snapshot; when the guard fails, the exit writes the snapshot's slots back
//! into the interpreter frames and resumes the interpreter at the innermost frame's `pc`.
//! Like LuaJIT's, a snapshot is *sparse*: the root frame lists only the slots changed since
//! trace entry (the others still hold their entry values in memory). Inlined calls are
//! *virtual frames* that exist only here, outermost first, so the exit (or a *force*) builds
//! them. A slot may hold an unboxed `i64`/`f64`/`bool` value, which the exit boxes, or a
//! [`SnapValue::Virtual`]: an allocation the optimizer removed, described field by field
//! in [`Snapshot::virtuals`] so the exit can allocate it.
//!
//! Exits are numbered by snapshot: exit `k` leaves through snapshot `s<k>`.

use crate::trace::Ref;

/// Index of a snapshot in its trace (prints as `s3`); also the exit number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SnapshotId(pub u32);

impl SnapshotId {
    /// The index into [`crate::Trace::snapshots`].
    pub const fn index(self) -> usize {
        self.0 as usize
    }
}

impl std::fmt::Display for SnapshotId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "s{}", self.0)
    }
}

/// The value of one slot at an exit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SnapValue {
    /// An IR value or constant, boxed by the exit if it is unboxed.
    Ref(Ref),
    /// A removed allocation, rebuilt by the exit: an index into [`Snapshot::virtuals`].
    Virtual(u32),
}

/// The kind of a removed allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VirtualKind {
    /// A tuple of its fields.
    Tuple,
    /// An instance of a user class in map mode: field 0 is the class (a value word), field 1
    /// its map id (a raw `i64`), the others its attribute slots in map order.
    Instance,
    /// An iterator over a `range` of small ints: fields `next`, `stop`, `step` (raw `i64`).
    RangeIter,
}

impl VirtualKind {
    /// The name in the text format.
    pub const fn name(self) -> &'static str {
        match self {
            VirtualKind::Tuple => "tuple",
            VirtualKind::Instance => "instance",
            VirtualKind::RangeIter => "range_iter",
        }
    }
}

/// A removed allocation, described so that an exit can build it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Virtual {
    /// What to allocate.
    pub kind: VirtualKind,
    /// Its fields in order (tuple items).
    pub fields: Vec<SnapValue>,
}

/// One interpreter frame in a snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SnapFrame {
    /// The function of an inlined frame (usually a constant); `None` for the root frame,
    /// which exists in memory.
    pub function: Option<Ref>,
    /// Where the frame resumes: for the innermost frame, the instruction to execute next;
    /// for an outer frame, the call instruction it is suspended in.
    pub pc: u32,
    /// The frame's value-stack depth at `pc`.
    pub stack_depth: u32,
    /// `(slot, value)` sorted by slot: locals then stack entries, numbered by the VM. For the
    /// root frame only the slots changed since entry; for an inlined frame all live slots.
    pub slots: Vec<(u32, SnapValue)>,
}

/// The interpreter state at one point of the trace.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Snapshot {
    /// The number of instructions before the snapshot: it may only use values defined before
    /// this position, and only guards at or after it may use it.
    pub position: u32,
    /// Frames, root first, innermost last (at least one).
    pub frames: Vec<SnapFrame>,
    /// Removed allocations referenced by [`SnapValue::Virtual`].
    pub virtuals: Vec<Virtual>,
}

impl Snapshot {
    /// The innermost frame (where the interpreter resumes).
    pub fn innermost(&self) -> Option<&SnapFrame> {
        self.frames.last()
    }

    /// Every IR value the snapshot reads, slots and virtual fields alike.
    pub fn refs(&self) -> impl Iterator<Item = Ref> + '_ {
        let slots = self.frames.iter().flat_map(|frame| {
            frame
                .function
                .into_iter()
                .chain(frame.slots.iter().filter_map(|(_, v)| v.as_ref()))
        });
        let fields = self
            .virtuals
            .iter()
            .flat_map(|v| v.fields.iter().filter_map(|f| f.as_ref()));
        slots.chain(fields)
    }

    /// Rewrites every IR value the snapshot reads.
    pub fn map_refs(&mut self, mut f: impl FnMut(Ref) -> Ref) {
        for frame in &mut self.frames {
            if let Some(function) = &mut frame.function {
                *function = f(*function);
            }
            for (_, value) in &mut frame.slots {
                if let SnapValue::Ref(r) = value {
                    *r = f(*r);
                }
            }
        }
        for virt in &mut self.virtuals {
            for field in &mut virt.fields {
                if let SnapValue::Ref(r) = field {
                    *r = f(*r);
                }
            }
        }
    }
}

impl SnapValue {
    /// The IR value, unless this is a virtual.
    pub const fn as_ref(&self) -> Option<Ref> {
        match *self {
            SnapValue::Ref(r) => Some(r),
            SnapValue::Virtual(_) => None,
        }
    }
}
