//! Arbitrary bytes as a document, its records written in every format:
//! see `src/files.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| whosaid_fuzz::files::check_writers(data));
