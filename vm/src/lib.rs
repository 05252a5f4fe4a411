//! vm

pub mod text;
