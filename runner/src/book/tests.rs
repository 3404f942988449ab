use super::*;

#[test]
fn heading_ids_follow_mdbook() {
    let md = "# Basics\n## Constants and `iota`\n## Constants and `iota`\n### Hello, world! {#hello}\n```\n# not a heading\n```\n<a id=\"raw\"></a>\n";
    let a = anchors(md);
    assert!(a.contains("basics"));
    assert!(a.contains("constants-and-iota"));
    assert!(a.contains("constants-and-iota-1"));
    assert!(a.contains("hello"));
    assert!(a.contains("raw"));
    assert!(!a.contains("not-a-heading"));
}

#[test]
fn finds_links_outside_code() {
    let md = "See [the intro](intro.md#start) and `[not](a-link.md)`.\n```\n[x](y.md)\n```\n[b](../x.md)";
    let l: Vec<String> = links(md).into_iter().map(|l| l.target).collect();
    assert_eq!(l, vec!["intro.md#start", "../x.md"]);
}

#[test]
fn finds_includes() {
    let md =
        "```go\n{{#include ../listings/basics/consts.go:iota}}\n```\n`\\{{#include shown.go}}`";
    let found = includes(md);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].target, "../listings/basics/consts.go:iota");
}
