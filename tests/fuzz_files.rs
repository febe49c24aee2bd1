//! The `files` and `writers` fuzz targets (fuzz/src/files.rs) as a bounded
//! random loop on stable: proptest inputs built from the pieces that matter
//! (quote marks, cues, names, control characters, tabs and line breaks,
//! JSON tokens, BOMs, NUL, invalid UTF-8). See fuzz/README.md.

#[allow(dead_code)]
#[path = "../fuzz/src/lib.rs"]
mod fuzzlib;

use proptest::prelude::*;

const PIECES: &[&[u8]] = &[
    "“".as_bytes(),
    "”".as_bytes(),
    b"\"",
    b"'",
    b" said Ann Ortiz",
    b", according to officials,",
    b" which ask",
    b"\t",
    b"\r\n",
    b"\n",
    b"\n\n",
    b"\x1b]0;x\x07",
    b"=HYPERLINK(",
    b"{\"id\": \"a\", \"text\": \"",
    b"\"}\n",
    b"\\u001b",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\0",
    b"\xC3",
    b"word ",
    b". ",
];

fn input() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => proptest::sample::select(PIECES).prop_map(|p| p.to_vec()),
        1 => proptest::collection::vec(any::<u8>(), 0..8),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_file_layer_survives_anything(data in input()) {
        fuzzlib::files::check_files(&data);
    }

    #[test]
    fn every_writer_survives_anything(data in input()) {
        fuzzlib::files::check_writers(&data);
    }
}
