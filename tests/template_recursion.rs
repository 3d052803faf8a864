//! Template recursion (issue 17, finding 5): an include cycle, or a macro that calls itself
//! without end, is an error placed in the template in `build`, `check` and `serve`; before, tera
//! recursed until the stack overflowed, the process aborted (exit 134), a staging folder stayed
//! behind and `report serve` died. (The same under `report serve`: `tests/cli_serve.rs`.)

mod common;

use common::{TestProject, report};

const INCLUDE_HELP: &str = "  help: a template cannot include itself, directly or through others; to repeat a part for nested data, use a macro that calls itself under a condition\n";
const MACRO_HELP: &str = "  help: a macro that calls itself needs a condition that stops it, such as `{% if node.children %}`\n";

/// The names in the project folder that a build may leave behind it (staging or old outputs).
fn leftovers(p: &TestProject) -> Vec<String> {
    std::fs::read_dir(p.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site."))
        .collect()
}

/// `build` and `check` both exit 1 with exactly `diagnostics` on stderr (then their summary
/// line), and leave no site and no staging folder.
fn assert_refused(p: &TestProject, diagnostics: &str) {
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 1, "{err}");
    assert_eq!(err, format!("{diagnostics}1 error; nothing written\n"));
    assert!(!p.site().exists());
    assert_eq!(leftovers(p), Vec::<String>::new());
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 1, "{err}");
    assert_eq!(err, format!("{diagnostics}1 error; nothing written\n"));
}

#[test]
fn issue17_a_template_that_includes_itself_is_an_error_at_the_include() {
    let p = TestProject::example();
    p.write(
        "templates/self.html",
        "<p>\n  {% include \"self.html\" %}\n</p>\n",
    );
    assert_refused(
        &p,
        &format!(
            "templates/self.html:2:3: error: include cycle: self.html → self.html\n{INCLUDE_HELP}"
        ),
    );
}

#[test]
fn issue17_mutual_includes_are_one_error_at_the_first_template() {
    let p = TestProject::example();
    p.write(
        "templates/notes.html",
        "{% include \"partials/b.html\" %}\n",
    );
    p.write(
        "templates/partials/b.html",
        "b\n{% if site.title %}{% include \"partials/c.html\" %}{% endif %}\n",
    );
    // Included only from a branch that is never taken: still a cycle, still found.
    p.write(
        "templates/partials/c.html",
        "{% if false %}{% include \"partials/b.html\" %}{% endif %}\n",
    );
    assert_refused(
        &p,
        &format!(
            "templates/partials/b.html:2:20: error: include cycle: partials/b.html → partials/c.html → partials/b.html\n{INCLUDE_HELP}"
        ),
    );
}

#[test]
fn issue17_a_macro_that_calls_itself_without_end_is_an_error_at_its_definition() {
    let p = TestProject::example();
    p.write(
        "templates/macros.html",
        "{# helpers #}\n{% macro forever(n) %}{{ n }}{{ self::forever(n=n + 1) }}{% endmacro %}\n",
    );
    // Used by a page of every article (rendered side by side) and a whole-site template: one
    // error, at the macro.
    p.write(
        "templates/article.txt",
        "{% import \"macros.html\" as m %}{{ m::forever(n=1) }}\n",
    );
    p.write(
        "templates/notes.txt",
        "{% import \"macros.html\" as m %}{{ m::forever(n=1) }}\n",
    );
    assert_refused(
        &p,
        &format!(
            "templates/macros.html:2:1: error: macro `forever` nests more than 64 macro calls and includes deep: does it call itself without end?\n{MACRO_HELP}"
        ),
    );
}

#[test]
fn issue17_macros_calling_each_other_without_end_are_an_error() {
    let p = TestProject::example();
    p.write(
        "templates/notes.txt",
        "{% macro ping() %}{{ self::pong() }}{% endmacro ping %}\n\
         {% macro pong() %}{{ self::ping() }}{% endmacro pong %}\n\
         {{ self::ping() }}\n",
    );
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with("templates/notes.txt:1:1: error: macro `ping` nests more than 64")
            || err.starts_with("templates/notes.txt:2:1: error: macro `pong` nests more than 64"),
        "{err}"
    );
    assert_eq!(leftovers(&p), Vec::<String>::new());
}

#[test]
fn issue17_an_include_that_comes_back_through_super_is_stopped() {
    // No include names itself, but the included template's block calls `super()`, which renders
    // the layout's block again, which includes it again.
    let p = TestProject::example();
    p.write(
        "templates/layouts/outer.html",
        "{% block b %}{% include \"partials/p.html\" %}{% endblock b %}\n",
    );
    p.write(
        "templates/notes.html",
        "{% extends \"layouts/outer.html\" %}{% block b %}{{ super() }}{% endblock b %}\n",
    );
    p.write(
        "templates/partials/p.html",
        "{% block b %}{{ super() }}{% endblock b %}\n",
    );
    assert_refused(
        &p,
        "templates/layouts/outer.html:1:14: error: include of `partials/p.html` nests more than 64 macro calls and includes deep: does it call itself without end?\n  \
         help: the included template leads back to this include (through a block's `super()` or a macro): include a template without it\n",
    );
}

/// A macro that counts down from `n` through nested tags (each level costs more stack than a
/// bare call), used by every article page.
fn countdown_project(n: usize) -> TestProject {
    let p = TestProject::example();
    p.write(
        "templates/article.txt",
        &format!(
            "{{% macro down(n) %}}{{% for i in [n] %}}{{% if i > 1 %}}{{% filter trim %}} {{{{ i }}}}{{{{ self::down(n=i - 1) }}}}{{% endfilter %}}{{% else %}}1{{% endif %}}{{% endfor %}}{{% endmacro down %}}\
             {{{{ self::down(n={n}) }}}}\n"
        ),
    );
    p
}

#[test]
fn a_macro_that_stops_renders_up_to_the_depth_limit() {
    let p = countdown_project(64);
    let (code, _, err) = report(&["build", "--quiet"], p.root());
    assert_eq!(code, 0, "{err}");
    let page = p.read_site("articles/000_d3ab9671ae447b92.txt");
    let expected: Vec<String> = (1..=64).rev().map(|i| i.to_string()).collect();
    assert_eq!(page.trim(), expected.join(""));

    let p = countdown_project(65);
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.starts_with("templates/article.txt:1:1: error: macro `down` nests more than 64"),
        "{err}"
    );
}
