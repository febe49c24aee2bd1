//! Puts the commit into `whosaid --version` ("0.1.0 (1a2b3c4)") when the
//! source is a git checkout with git on the PATH; otherwise the version
//! alone, silently (a source tarball, a vendored copy).

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn main() {
    let version = env!("CARGO_PKG_VERSION");
    let full = match git(&["rev-parse", "--short", "HEAD"]) {
        Some(commit) => format!("{version} ({commit})"),
        None => version.to_string(),
    };
    println!("cargo:rustc-env=WHOSAID_VERSION={full}");
    println!("cargo:rerun-if-changed=build.rs");
    // A new commit moves HEAD (or the branch it names): build again then.
    if let Some(dir) = git(&["rev-parse", "--git-dir"]) {
        println!("cargo:rerun-if-changed={dir}/HEAD");
        println!("cargo:rerun-if-changed={dir}/logs/HEAD");
    }
}
