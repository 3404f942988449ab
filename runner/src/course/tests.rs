use super::*;

#[test]
fn a_mode_prints_as_info_toml_names_it() {
    use clap::ValueEnum;
    for mode in Mode::value_variants() {
        assert_eq!(serde_json::to_string(mode).unwrap(), format!("\"{mode}\""));
    }
}

const GOOD: &str = r#"
format_version = 1
welcome_message = "hi"

[[exercises]]
name = "hello"
dir = "00_intro/01_hello"
mode = "run"
hints = ["a", "b"]
book = "00_intro.md#hello"

[[exercises.cases]]
stdout = "Hello\n"

[[exercises]]
name = "sum"
dir = "01_basics/01_sum"
mode = "test"
race = true
timeout = 5
hints = ["a", "b"]
book = "01_basics.md#sum"
"#;

fn err(text: &str) -> String {
    parse_info("info.toml", text).unwrap_err().to_string()
}

#[test]
fn parses_a_good_file() {
    let info = parse_info("info.toml", GOOD).unwrap();
    assert_eq!(info.exercises.len(), 2);
    assert_eq!(info.exercises[0].mode, Mode::Run);
    assert_eq!(
        info.exercises[1].timeout.as_ref().map(|t| *t.get_ref()),
        Some(5)
    );
}

#[test]
fn unknown_field_is_reported_with_line_and_column() {
    let text = GOOD.replace("race = true", "racy = true");
    let e = err(&text);
    assert!(e.starts_with("info.toml:19:1: unknown field `racy`"), "{e}");
}

#[test]
fn wrong_type_is_reported_with_position() {
    let e = err(&GOOD.replace("timeout = 5", "timeout = \"5\""));
    assert!(e.starts_with("info.toml:20:11:"), "{e}");
    assert!(e.contains("invalid type"), "{e}");
}

#[test]
fn syntax_error_is_reported_with_position() {
    let e = err("format_version = 1\n[[exercises]\n");
    assert!(e.starts_with("info.toml:2:"), "{e}");
}

#[test]
fn duplicate_names_are_rejected() {
    let e = err(&GOOD.replace("name = \"sum\"", "name = \"hello\""));
    assert!(e.contains("used twice"), "{e}");
    assert!(e.starts_with("info.toml:16:8:"), "{e}");
}

#[test]
fn bad_dir_and_version_are_rejected() {
    assert!(err(&GOOD.replace("01_basics/01_sum", "basics/sum")).contains("NN_module/NN_name"));
    assert!(
        err(&GOOD.replace("format_version = 1", "format_version = 9")).contains("format_version 9")
    );
}

#[test]
fn run_mode_needs_cases_and_test_mode_refuses_them() {
    let no_cases = GOOD.replace("[[exercises.cases]]\nstdout = \"Hello\\n\"\n", "");
    assert!(err(&no_cases).contains("no [[exercises.cases]]"));
    let e = err(&format!("{GOOD}\n[[exercises.cases]]\nstdout = \"x\"\n"));
    assert!(e.contains("only applies to mode = \"run\""), "{e}");
}

#[test]
fn fails_with_is_checked() {
    let e = err(&GOOD.replace("race = true", "fails_with = [\"sometimes\"]"));
    assert!(e.contains("fails_with entry \"sometimes\""), "{e}");
    parse_info(
        "info.toml",
        &GOOD.replace("race = true", "fails_with = [\"TestSum\"]"),
    )
    .unwrap();
}

#[test]
fn line_col_counts_from_one() {
    assert_eq!(line_col("ab\ncd", 0), (1, 1));
    assert_eq!(line_col("ab\ncd", 4), (2, 2));
}

#[test]
fn module_titles_fall_back_to_the_directory() {
    let c = Course {
        root: PathBuf::new(),
        welcome_message: String::new(),
        final_message: String::new(),
        book_url: None,
        module_titles: BTreeMap::new(),
        exercises: vec![],
        go_version: "1.25".into(),
        go_module: "x".into(),
    };
    assert_eq!(c.module_title("15_json_apis"), "Json apis");
}

#[test]
fn memory_mb_out_of_range_is_refused_with_its_position() {
    for bad in ["0", "15", "65537", "1000000000"] {
        let e = err(&GOOD.replace("timeout = 5", &format!("memory_mb = {bad}")));
        assert_eq!(
            e, "info.toml:20:13: memory_mb must be between 16 and 65536 (MiB)",
            "memory_mb = {bad}"
        );
    }
    let e = err(&GOOD.replace("timeout = 5", "memory_mb = -1"));
    assert!(e.starts_with("info.toml:20:13:"), "{e}");
    let info = parse_info("info.toml", &GOOD.replace("timeout = 5", "memory_mb = 128")).unwrap();
    assert_eq!(
        info.exercises[1].memory_mb.as_ref().map(|m| *m.get_ref()),
        Some(128)
    );
    assert!(info.exercises[0].memory_mb.is_none());
}
