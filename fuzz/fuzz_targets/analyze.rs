//! The whole pipeline on arbitrary bytes (decoded lossily, as `--lossy`
//! does): no panic, every record honours the contract, and the stages'
//! outputs (paragraphs, sentences, quotations) are ordered and disjoint.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = whosaid::Document::new("fuzz", text.as_ref());
    let records = whosaid::analyze(&doc);
    whosaid_fuzz::check(&doc.text, &records);
    whosaid_fuzz::check_stages(&doc.text);
});
