//! f-strings: literal parts become constants, replacement fields compile to
//! `CONVERT_VALUE`/`FORMAT_SIMPLE`/`FORMAT_WITH_SPEC` (nested specs build with
//! `BUILD_STRING`), `=` debug text becomes a literal part, and the pieces are joined
//! with `BUILD_STRING`.

use ruff_python_ast as ast;
use ruff_text_size::TextRange;

use crate::bytecode::code::{Constant, Position};
use crate::bytecode::opcodes::{Opcode, conversion};

use super::codegen::Compiler;
use super::error::CResult;
use super::expr::STACK_USE_GUIDELINE;

impl<'a> Compiler<'a> {
    pub(super) fn compile_fstring(
        &mut self,
        f: &'a ast::ExprFString,
        loc: Position,
    ) -> CResult<()> {
        // Flatten the parts into literal runs and interpolations, merging adjacent
        // literals (CPython's parser builds one JoinedStr for the whole concatenation).
        enum Piece<'e> {
            Lit(String, TextRange),
            Field(&'e ast::InterpolatedElement),
        }
        let mut pieces: Vec<Piece<'a>> = Vec::new();
        let push_lit = |pieces: &mut Vec<Piece<'a>>, s: &str, r: TextRange| {
            if s.is_empty() {
                return;
            }
            if let Some(Piece::Lit(prev, pr)) = pieces.last_mut() {
                prev.push_str(s);
                *pr = TextRange::new(pr.start(), r.end());
            } else {
                pieces.push(Piece::Lit(s.to_string(), r));
            }
        };
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => push_lit(&mut pieces, &l.value, l.range),
                ast::FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        match el {
                            ast::InterpolatedStringElement::Literal(l) => {
                                push_lit(&mut pieces, &l.value, l.range)
                            }
                            ast::InterpolatedStringElement::Interpolation(i) => {
                                if let Some(debug) = &i.debug_text {
                                    let start = i.range.start() + ruff_text_size::TextSize::from(1);
                                    let r = TextRange::at(
                                        start,
                                        ruff_text_size::TextSize::of(debug.as_str()),
                                    );
                                    push_lit(&mut pieces, debug.as_str(), r);
                                }
                                pieces.push(Piece::Field(i));
                            }
                        }
                    }
                }
            }
        }
        let single_part = f.value.as_slice().len() == 1;
        let count = pieces.len();
        if count > STACK_USE_GUIDELINE {
            self.load_const(Constant::Str(String::new()), loc);
            let join = self.add_name("join");
            self.emit_arg(Opcode::LOAD_ATTR, (join << 1) | 1, loc);
            self.emit_arg(Opcode::BUILD_LIST, 0, loc);
            for p in &pieces {
                match p {
                    Piece::Lit(s, r) => {
                        let l = self.loc(*r);
                        self.load_const(Constant::Str(s.clone()), l);
                    }
                    Piece::Field(i) => self.compile_interpolation(i)?,
                }
                self.emit_arg(Opcode::LIST_APPEND, 1, loc);
            }
            self.emit_arg(Opcode::CALL, 1, loc);
            return Ok(());
        }
        for p in &pieces {
            match p {
                Piece::Lit(s, r) => {
                    let l = if count == 1 && !single_part {
                        loc
                    } else {
                        self.loc(*r)
                    };
                    self.load_const(Constant::Str(s.clone()), l);
                }
                Piece::Field(i) => self.compile_interpolation(i)?,
            }
        }
        if count == 0 {
            self.load_const(Constant::Str(String::new()), loc);
        } else if count != 1 {
            self.emit_arg(Opcode::BUILD_STRING, count as u32, loc);
        }
        Ok(())
    }

    pub(super) fn compile_interpolation(&mut self, i: &'a ast::InterpolatedElement) -> CResult<()> {
        self.visit_expr(&i.expression)?;
        let loc = self.loc(i.range);
        let conv = match i.conversion {
            ast::ConversionFlag::Str => Some(conversion::STR),
            ast::ConversionFlag::Repr => Some(conversion::REPR),
            ast::ConversionFlag::Ascii => Some(conversion::ASCII),
            ast::ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => {
                Some(conversion::REPR)
            }
            ast::ConversionFlag::None => None,
        };
        if let Some(c) = conv {
            self.emit_arg(Opcode::CONVERT_VALUE, c, loc);
        }
        match &i.format_spec {
            Some(spec) => {
                self.compile_format_spec(spec)?;
                self.emit(Opcode::FORMAT_WITH_SPEC, loc);
            }
            None => self.emit(Opcode::FORMAT_SIMPLE, loc),
        }
        Ok(())
    }

    pub(super) fn compile_format_spec(
        &mut self,
        spec: &'a ast::InterpolatedStringFormatSpec,
    ) -> CResult<()> {
        let mut n = 0u32;
        let mut lit: Option<(String, TextRange)> = None;
        // CPython's format-spec node starts at the ':'; ruff's starts after it.
        let start = spec.range.start();
        let start = start.checked_sub(1.into()).unwrap_or(start);
        let spec_loc = self.loc(TextRange::new(start, spec.range.end()));
        for el in spec.elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => match &mut lit {
                    Some((s, r)) => {
                        s.push_str(&l.value);
                        *r = TextRange::new(r.start(), l.range.end());
                    }
                    None => lit = Some((l.value.to_string(), l.range)),
                },
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some((s, r)) = lit.take() {
                        let l = self.loc(r);
                        self.load_const(Constant::Str(s), l);
                        n += 1;
                    }
                    self.compile_interpolation(i)?;
                    n += 1;
                }
            }
        }
        if let Some((s, r)) = lit.take() {
            let l = self.loc(r);
            self.load_const(Constant::Str(s), l);
            n += 1;
        }
        if n == 0 {
            self.load_const(Constant::Str(String::new()), spec_loc);
        } else if n > 1 {
            self.emit_arg(Opcode::BUILD_STRING, n, spec_loc);
        }
        Ok(())
    }
}
