//! Arbitrary bytes as files of every kind whosaid reads (plain, gzip, zstd,
//! UTF-16, JSONL), read with a small --max-doc-bytes: see `src/files.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| whosaid_fuzz::files::check_files(data));
