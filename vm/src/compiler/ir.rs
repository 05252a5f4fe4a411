//! The compiler's intermediate form: basic blocks of instructions whose jumps name blocks
//! rather than offsets, plus exception handlers declared as blocks. Code generation appends
//! to the current block; `assemble` later orders blocks, resolves jumps and builds the
//! exception table.
//!
//! Exception handling uses CPython's model in a simpler dress. CPython emits `SETUP_*` /
//! `POP_BLOCK` pseudo-instructions and recovers, by flow analysis, which handler covers each
//! instruction. Here code generation already knows that lexically: it keeps a stack of active
//! handlers and stamps every instruction with the innermost one. A zero-size `Setup` pseudo
//! instruction stays in the stream only so the stack-depth pass can read the depth at the
//! point where the handler was entered (the depth the unwinder restores) and treat the handler
//! block as reachable.

use crate::bytecode::code::Position;
use crate::bytecode::opcodes::Opcode;

/// Index of a basic block in `CodeBuilder::blocks`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct BlockId(pub u32);

/// Index of an exception handler in `CodeBuilder::handlers`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct HandlerId(pub u32);

/// What an instruction does: a real opcode or one of the few pseudo operations that the
/// assembler lowers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    /// Unconditional jump; becomes `JUMP_FORWARD` or `JUMP_BACKWARD` (a loop back edge that
    /// checks the eval breaker and counts iterations for the JIT).
    Jump,
    /// Unconditional jump that is not a loop edge; becomes `JUMP_FORWARD` or
    /// `JUMP_BACKWARD_NO_INTERRUPT`.
    JumpNoInterrupt,
    /// Zero-size marker: handler `arg` becomes active here (CPython's `SETUP_*`).
    Setup,
    /// Zero-size marker where a handler stops (CPython's `POP_BLOCK`); it only counts toward
    /// the size of blocks considered for inlining, and is dropped right after that.
    PopBlock,
}

/// One instruction. `arg` holds the handler index for `Setup`; for jumps the argument is
/// computed by the assembler from `target`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Instr {
    pub op: Op,
    pub arg: u32,
    pub target: Option<BlockId>,
    pub loc: Position,
    pub handler: Option<HandlerId>,
}

impl Instr {
    /// Whether control never falls through to the next instruction.
    pub fn is_terminator(&self) -> bool {
        match self.op {
            Op::Jump | Op::JumpNoInterrupt => true,
            Op::Setup | Op::PopBlock => false,
            Op::Real(op) => matches!(
                op,
                Opcode::RETURN_VALUE
                    | Opcode::RETURN_CONST
                    | Opcode::RAISE_VARARGS
                    | Opcode::RERAISE
                    | Opcode::JUMP_FORWARD
                    | Opcode::JUMP_BACKWARD
                    | Opcode::JUMP_BACKWARD_NO_INTERRUPT
            ),
        }
    }

    /// Whether the instruction transfers control to `target` (conditionally or not).
    pub fn is_jump(&self) -> bool {
        self.target.is_some() && self.op != Op::Setup
    }
}

/// An exception handler: where to go, whether the raising instruction's offset is pushed
/// first (CPython's `SETUP_CLEANUP`/`SETUP_WITH` versus `SETUP_FINALLY`), and the stack depth
/// to unwind to, found by the stack-depth pass from the `Setup` marker plus `adjust`
/// (`-1` for `with`: the value `__enter__` returned is not kept, its slot holds `lasti`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Handler {
    pub target: BlockId,
    pub lasti: bool,
    pub depth: Option<u32>,
    pub adjust: i32,
}

/// A basic block. `next` links blocks in emission order (the fallthrough successor).
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    pub instrs: Vec<Instr>,
    pub next: Option<BlockId>,
}

impl Block {
    /// Whether control can run off the end of the block into `next`.
    pub fn falls_through(&self) -> bool {
        self.instrs
            .last()
            .is_none_or(|instr| !instr.is_terminator())
    }
}

/// The blocks and handlers of one code object under construction.
#[derive(Debug)]
pub(crate) struct CodeBuilder {
    pub blocks: Vec<Block>,
    pub handlers: Vec<Handler>,
    /// The block instructions are appended to.
    pub current: BlockId,
    /// The last block in emission order (where `use_block` links the next one).
    pub tail: BlockId,
    /// Active handlers, innermost last; instructions are stamped with the top one.
    pub handler_stack: Vec<HandlerId>,
}

impl CodeBuilder {
    pub fn new() -> Self {
        CodeBuilder {
            blocks: vec![Block::default()],
            handlers: Vec::new(),
            current: BlockId(0),
            tail: BlockId(0),
            handler_stack: Vec::new(),
        }
    }

    /// A fresh block, not yet placed in the emission order.
    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        BlockId(self.blocks.len() as u32 - 1)
    }

    /// Places `block` after the last placed block and makes it current.
    pub fn use_block(&mut self, block: BlockId) {
        if block != self.tail {
            self.blocks[self.tail.0 as usize].next = Some(block);
            self.tail = block;
        }
        self.current = block;
    }

    pub fn current_handler(&self) -> Option<HandlerId> {
        self.handler_stack.last().copied()
    }

    pub fn emit(&mut self, op: Op, arg: u32, target: Option<BlockId>, loc: Position) {
        let handler = self.current_handler();
        let block = &mut self.blocks[self.current.0 as usize];
        block.instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            handler,
        });
        // Like CPython, a jump ends its basic block, so later passes only need to look at
        // the last instruction of a block to find its jumps.
        if target.is_some() && op != Op::Setup {
            let next = self.new_block();
            self.use_block(next);
        }
    }

    /// Declares a handler and returns its id; `push_handler` activates it.
    pub fn new_handler(&mut self, target: BlockId, lasti: bool) -> HandlerId {
        self.handlers.push(Handler {
            target,
            lasti,
            depth: None,
            adjust: 0,
        });
        HandlerId(self.handlers.len() as u32 - 1)
    }

    /// Activates `handler` for the instructions emitted from now on, marking the point
    /// whose stack depth the unwinder restores.
    pub fn setup_handler(&mut self, handler: HandlerId, loc: Position) {
        let _ = loc;
        let target = self.handlers[handler.0 as usize].target;
        // The marker takes no location: it emits nothing and must not hide a NOP's line.
        self.emit(Op::Setup, handler.0, Some(target), Position::default());
        self.handler_stack.push(handler);
    }
}
