//! The input options that `extract`, `sources` and `report` share.

use whosaid::input::InputOptions;

#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files, folders (walked recursively) or `-` for stdin (the default).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Inputs are JSONL, one {"id", "text"} record per line.
    #[arg(long)]
    pub jsonl: bool,
    /// JSONL field holding the document id.
    #[arg(long, default_value = "id", value_name = "NAME")]
    pub id_field: String,
    /// JSONL field holding the document text.
    #[arg(long, default_value = "text", value_name = "NAME")]
    pub text_field: String,
    /// Inputs are web pages (also a JSONL text field): read the story, not
    /// the markup. Automatic for .html/.htm files and HTML on stdin.
    #[arg(long)]
    pub html: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of failing the document.
    #[arg(long)]
    pub lossy: bool,
    /// What to report: `speech` (the default) is what people said: speech
    /// acts and "according to" with a clause or quotation as content
    /// ("Ortiz said the bridge will open in May"); `all` adds beliefs,
    /// knowledge, findings and evidence ("Experts believe the outage was
    /// caused by ice", "Census data show rents rose") and noun-phrase content
    /// ("Ross dismissed the prospects for talks"), PolNeAR's convention.
    #[arg(long, value_enum, default_value = "speech", value_name = "SCOPE")]
    pub scope: ScopeArg,
    /// The old name of `--scope all`.
    #[arg(long, hide = true)]
    pub noun_phrase_claims: bool,
    /// Largest document read, in bytes (a file, stdin, a JSONL line, after
    /// decompression): a larger one is an error record, read no further.
    #[arg(long, value_name = "BYTES", default_value_t = whosaid::input::DEFAULT_MAX_DOC_BYTES)]
    pub max_doc_bytes: u64,
}

/// `--scope`: which attributions are reported (see [`whosaid::Scope`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ScopeArg {
    /// What people said (speech acts, "according to"); the default.
    Speech,
    /// Every attribution: also beliefs, findings, evidence and noun-phrase content.
    All,
}

impl ScopeArg {
    /// The library's scope; `--noun-phrase-claims` (the old flag) means `all`.
    pub fn scope(self, noun_phrase_claims: bool) -> whosaid::Scope {
        match (self, noun_phrase_claims) {
            (ScopeArg::All, _) | (_, true) => whosaid::Scope::All,
            (ScopeArg::Speech, false) => whosaid::Scope::Speech,
        }
    }
}

impl InputArgs {
    /// With no input named (or `-`) and stdin a terminal, says what the
    /// wait is for: a bare `whosaid extract` must not look hung.
    pub fn notice_stdin(&self) {
        use std::io::IsTerminal;
        let stdin = self.inputs.is_empty() || self.inputs.iter().all(|i| i == "-");
        if stdin && std::io::stdin().is_terminal() {
            super::notice::warn("reading stdin (end it with Ctrl-D; or name a file or a folder)");
        }
    }

    /// What the analysis reports.
    pub fn analysis(&self) -> whosaid::Options {
        whosaid::Options {
            scope: self.scope.scope(self.noun_phrase_claims),
        }
    }

    /// How to read the inputs; `keep_fields` are JSONL fields to copy.
    pub fn options(&self, keep_fields: Vec<String>) -> InputOptions {
        InputOptions {
            jsonl: self.jsonl,
            id_field: self.id_field.clone(),
            text_field: self.text_field.clone(),
            keep_fields,
            lossy: self.lossy,
            html: self.html,
            max_doc_bytes: self.max_doc_bytes,
            skip_file: None,
        }
    }
}
