//! How the learner started the runner, so that every command a message
//! suggests is one they can type: `cargo run -- hint hello` when they ran
//! it through cargo (as the README says), `backendlings hint hello` when
//! they installed it.

use std::sync::OnceLock;

/// `args` as a command line the learner can type, for example
/// `command("hint hello")` → `cargo run -- hint hello`.
pub fn command(args: &str) -> String {
    static THROUGH_CARGO: OnceLock<bool> = OnceLock::new();
    let cargo = *THROUGH_CARGO.get_or_init(|| {
        through_cargo(
            std::env::var_os("CARGO_MANIFEST_DIR").is_some(),
            std::env::current_exe().ok().as_deref(),
        )
    });
    spelled(cargo, args)
}

/// `cargo run` sets the package's variables (`CARGO_MANIFEST_DIR`) for the
/// program it runs, which it built under a `target` directory.
fn through_cargo(manifest_dir_set: bool, exe: Option<&std::path::Path>) -> bool {
    manifest_dir_set
        && exe.is_some_and(|e| {
            e.ancestors()
                .any(|a| a.file_name().is_some_and(|n| n == "target"))
        })
}

fn spelled(cargo: bool, args: &str) -> String {
    match (cargo, args.is_empty()) {
        (true, true) => "cargo run".to_string(),
        (true, false) => format!("cargo run -- {args}"),
        (false, true) => "backendlings".to_string(),
        (false, false) => format!("backendlings {args}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn names_the_command_the_learner_typed() {
        let built = Path::new("/home/ada/backendlings/target/debug/backendlings");
        let installed = Path::new("/home/ada/.cargo/bin/backendlings");
        assert!(through_cargo(true, Some(built)));
        assert!(!through_cargo(false, Some(built)));
        assert!(!through_cargo(true, Some(installed)));
        assert_eq!(spelled(true, "hint hello"), "cargo run -- hint hello");
        assert_eq!(spelled(false, "hint hello"), "backendlings hint hello");
        assert_eq!(spelled(true, ""), "cargo run");
    }
}
