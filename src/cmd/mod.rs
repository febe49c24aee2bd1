//! One file per subcommand, each with its `Args` and `run`.

pub mod eval;
pub mod extract;
pub mod filter;
pub mod input_args;
pub mod notice;
pub mod out;
pub mod report;
pub mod sources;
pub mod text;
