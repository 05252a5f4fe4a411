//! The VM's side of body entries (`pyrite_jit::body_entry`): a tree whose root can be
//! entered at its loop body remembers, per member and exit, whether a side trace recorded
//! from that exit starts with the root's pre-roll values still valid, and plans each new
//! side trace's link into the body when it may.

use std::cell::RefCell;
use std::collections::HashMap;

use pyrite_ir::Trace;
use pyrite_jit::body_entry::{exit_states, link_plan, root_entry};
use pyrite_jit::{BodyEntry, BodyLink, ChainState};

/// A side trace that links into the root's body: where it is attached and how it links.
pub(crate) struct SideLink {
    pub member: usize,
    pub parent: usize,
    pub exit: usize,
    pub link: BodyLink,
}

/// A tree's body entry and the chain state of its members' exits.
pub(crate) struct BodyTree {
    pub entry: BodyEntry,
    /// Per member index: per exit, whether a side trace from it starts clean.
    clean: RefCell<HashMap<usize, Vec<bool>>>,
    /// The members that link into the body (candidates for `jit::tree_fn`).
    pub links: RefCell<Vec<SideLink>>,
}

impl BodyTree {
    /// The body entry of a freshly optimized root, or why it cannot have one.
    pub fn of_root(root: &Trace) -> Result<BodyTree, &'static str> {
        let entry = root_entry(root)?;
        let clean = exit_states(root, &entry, true, ChainState::Clean);
        Ok(BodyTree {
            entry,
            clean: RefCell::new(HashMap::from([(0, clean)])),
            links: RefCell::new(Vec::new()),
        })
    }

    /// How a side trace of exit `exit` of member `member` starts.
    pub fn start(&self, member: usize, exit: usize) -> ChainState {
        let clean = self
            .clean
            .borrow()
            .get(&member)
            .and_then(|exits| exits.get(exit).copied())
            .unwrap_or(false);
        match clean {
            true => ChainState::Clean,
            false => ChainState::Dirty,
        }
    }

    /// The link into the body for a side trace starting `start`, or why it links to the
    /// pre-roll.
    pub fn plan(&self, side: &Trace, start: ChainState) -> Result<BodyLink, &'static str> {
        link_plan(side, &self.entry, start)
    }

    /// Records that member `member`, attached at exit `exit` of `parent`, links into the
    /// body with `link`.
    pub fn add_link(&self, member: usize, parent: usize, exit: usize, link: BodyLink) {
        self.links.borrow_mut().push(SideLink {
            member,
            parent,
            exit,
            link,
        });
    }

    /// Records the exits of new member `member` (a side trace that started `start`).
    pub fn add_member(&self, member: usize, side: &Trace, start: ChainState) {
        let clean = exit_states(side, &self.entry, false, start);
        self.clean.borrow_mut().insert(member, clean);
    }
}
