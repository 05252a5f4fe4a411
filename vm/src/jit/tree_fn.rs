//! Tree functions, the VM's side (`pyrite_jit::tree`): when a side trace that links into
//! its root's loop body is attached at an exit inside the body (or at an exit of such a
//! side trace that is itself compiled in), the root is recompiled with those side traces
//! as one function, which the VM (and the nest bridge) enters instead of the root's own
//! code and which later side traces link to.
//!
//! The members keep their own code and exit slots: the tree function exits through them
//! (so a deeper side trace attaches with `set_exit_target` as before), and side traces
//! compiled earlier keep linking to the old root code. Earlier tree functions stay alive
//! with the tree, since side traces compiled meanwhile link to them. At most
//! `-X jit-tree-inline` side traces are compiled in, each addition one recompile.

use std::rc::Rc;

use pyrite_jit::{CompiledTrace, InlinedSide};

use crate::jit::body::SideLink;
use crate::jit::{EXIT_MEMBER_SHIFT, LoopTrace, TreeMember};
use crate::vm::Vm;

/// IR instructions (root and side traces together) beyond which nothing more is compiled
/// in: compile time grows with the function.
const MAX_TREE_INSTRUCTIONS: usize = 3000;

/// A tree's combined function, if it has one.
#[derive(Default)]
pub(crate) struct TreeCode {
    /// The function entered instead of the root's own code.
    current: Option<Rc<CompiledTrace>>,
    /// Earlier ones, which side traces compiled meanwhile still link to.
    retired: Vec<Rc<CompiledTrace>>,
    /// The members the last recompile was asked to compile in.
    tried: Vec<usize>,
    /// Recompiles so far.
    recompiles: u32,
}

impl TreeCode {
    /// The combined function, if any.
    pub(crate) fn current(&self) -> Option<Rc<CompiledTrace>> {
        self.current.clone()
    }

    /// The code the root is entered at: the combined function or the root's own.
    pub(crate) fn root_address(&self) -> Option<u64> {
        self.current.as_ref().map(|c| c.address())
    }
}

/// The side traces to compile in, by member index in attach order: a side trace of a body
/// exit of the root (`loop_at`: the root's `loop` instruction), or of one already chosen.
fn choose(
    links: &[SideLink],
    members: &[Rc<TreeMember>],
    loop_at: usize,
    cap: usize,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut size = members.first().map_or(0, |m| m.trace.insts.len());
    let mut links: Vec<&SideLink> = links.iter().collect();
    links.sort_by_key(|l| l.member);
    for l in links {
        if chosen.len() >= cap {
            break;
        }
        let in_body = match l.parent {
            0 => members
                .first()
                .and_then(|root| root.trace.snapshots.get(l.exit))
                .is_some_and(|s| s.position as usize > loop_at),
            p => chosen.contains(&p),
        };
        let Some(member) = members.get(l.member) else {
            continue;
        };
        if !in_body || size + member.trace.insts.len() > MAX_TREE_INSTRUCTIONS {
            continue;
        }
        size += member.trace.insts.len();
        chosen.push(l.member);
    }
    chosen
}

/// The chosen side traces of `parent`'s exits, with theirs.
fn sides_of<'a>(
    parent: usize,
    chosen: &[usize],
    links: &'a [SideLink],
    members: &'a [Rc<TreeMember>],
) -> Vec<InlinedSide<'a>> {
    let mut out = Vec::new();
    for l in links {
        if l.parent != parent || !chosen.contains(&l.member) {
            continue;
        }
        let Some(member) = members.get(l.member) else {
            continue;
        };
        out.push(InlinedSide {
            trace: &member.trace,
            parent_exit: l.exit as u32,
            exit_base: (l.member as u32) << EXIT_MEMBER_SHIFT,
            exit_slots: member.compiled.exit_slots_address(),
            link: &l.link,
            children: sides_of(l.member, chosen, links, members),
        });
    }
    out
}

impl Vm {
    /// Recompiles `tree`'s root with the side traces that may be compiled into it, when
    /// that set grew (see the module doc).
    pub(crate) fn jit_recompile_tree(&mut self, tree: &Rc<LoopTrace>) {
        let cap = self.jit.params.tree_inline as usize;
        let Some(body) = &tree.body else {
            return;
        };
        if cap == 0 || tree.tree_code.borrow().recompiles as usize >= cap {
            return;
        }
        let started = std::time::Instant::now();
        let members: Vec<Rc<TreeMember>> = tree.members.borrow().clone();
        let links = body.links.borrow();
        let chosen = choose(&links, &members, body.entry.loop_at, cap);
        if chosen.is_empty() || chosen == tree.tree_code.borrow().tried {
            return;
        }
        let Some(root) = members.first() else {
            return;
        };
        let sides = sides_of(0, &chosen, &links, &members);
        let options = self.jit.compile_options();
        let compiled = match self.jit.compiler.as_mut() {
            Some(c) => c.compile_tree(
                &root.trace,
                &self.jit.helpers,
                &options,
                &body.entry,
                root.compiled.exit_slots_address(),
                &sides,
            ),
            None => return,
        };
        drop(sides);
        drop(links);
        let mut code = tree.tree_code.borrow_mut();
        code.recompiles += 1;
        code.tried = chosen;
        let (compiled, stats) = match compiled {
            Ok(c) => c,
            Err(e) => {
                code.recompiles = cap as u32;
                drop(code);
                self.jit.log(format_args!(
                    "trace#{} not recompiled with its side traces: {e}",
                    root.compiled.id
                ));
                return;
            }
        };
        let ids: Vec<String> = stats
            .inlined
            .iter()
            .filter_map(|&base| members.get((base >> EXIT_MEMBER_SHIFT) as usize))
            .map(|m| format!("#{}", m.compiled.id))
            .collect();
        let compiled = Rc::new(compiled);
        if let Some(old) = code.current.replace(compiled.clone()) {
            code.retired.push(old);
        }
        drop(code);
        let micros = started.elapsed().as_micros();
        // Exits that branch to compiled-in code and have no exit-slot jump left.
        let direct: Vec<String> = stats
            .inlined_exits
            .iter()
            .filter(|e| !stats.slot_exits.contains(e))
            .map(|e| format!("{}:{}", e >> EXIT_MEMBER_SHIFT, e & 0xffff))
            .collect();
        self.jit.log(format_args!(
            "trace#{} recompiled with side traces {}: {} bytes, {micros} us (trace#{}; exits without a slot jump {})",
            root.compiled.id,
            ids.join(","),
            compiled.size(),
            compiled.id,
            direct.join(",")
        ));
        self.jit.announce_tree(&compiled, &tree.label);
    }
}
