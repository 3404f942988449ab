//! The verdict's wording for a name shared with a hidden test.

use super::read::explain_collisions;

#[test]
fn a_name_shared_with_a_hidden_test_is_explained() {
    let out = explain_collisions(
        "[hidden test] requestid_test.go:14:5: testID redeclared in this block\n\
         \texercises/16_middleware/03_request_id/requestid.go:9:6: other declaration of testID\n"
            .to_string(),
    );
    assert!(
        out.starts_with("Rename your `testID`: the course's hidden tests use that name"),
        "{out}"
    );
    let plain = "exercises/a/a.go:3:1: x redeclared in this block\n".to_string();
    assert_eq!(explain_collisions(plain.clone()), plain);
}
