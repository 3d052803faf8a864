//! Memory on degenerate input: a story of nothing but punctuation, brackets, Markdown marks, table
//! rows, HTML specials or NULs is built with a heap that grows by less than ten times its size.
//! The heap is counted by this test binary's own allocator (not the resident size, which depends
//! on the allocator and the machine), and the cases run one after another, one test at a time,
//! so that nothing else allocates meanwhile.

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::TestProject;

/// The system allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = IN_USE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            // Counted as the two blocks held at once while the old one is copied.
            grew(new_size);
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const FRONT: &str = "---\ntitle: P\nsource: S\npublished: 2024-01-01\ntags: [t]\n---\n";

/// The most heap in use while `body` is built as a project's one article (`.md` or `.txt`),
/// above what was in use before.
fn peak_of_build(file: &str, body: &[u8]) -> usize {
    let p = TestProject::empty();
    p.write("report.yaml", "title: T\n");
    let mut text = if file.ends_with(".md") {
        FRONT.as_bytes().to_vec()
    } else {
        b"date 2024-03-20\nSEOUL (AFP) \xe2\x80\x93 Officials said.\n\n".to_vec()
    };
    text.extend_from_slice(body);
    std::fs::create_dir_all(p.root().join("content/articles")).unwrap();
    std::fs::write(p.root().join("content/articles").join(file), text).unwrap();
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    PEAK.load(Ordering::Relaxed).saturating_sub(before)
}

fn repeated(unit: &str, size: usize) -> Vec<u8> {
    unit.bytes().cycle().take(size).collect()
}

/// Bytes from `alphabet`, spread by a fixed linear congruential sequence.
fn mixed(alphabet: &[u8], size: usize) -> Vec<u8> {
    let mut x: u32 = 12345;
    (0..size)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            alphabet[(x >> 16) as usize % alphabet.len()]
        })
        .collect()
}

#[test]
fn issue_17_degenerate_stories_take_less_than_ten_times_their_size() {
    const SIZE: usize = 1 << 20;
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        ("NUL", "p.md", vec![0; SIZE]),
        ("[", "p.md", vec![b'['; SIZE]),
        ("punctuation", "p.md", repeated(".,;:!?-\"'()", SIZE)),
        (
            "punctuation lines",
            "p.md",
            repeated(".,;:!?-\"'()\n", SIZE),
        ),
        (
            "punctuation paragraphs",
            "p.md",
            repeated(".,;:!?-\"'()\n\n", SIZE),
        ),
        ("Markdown marks", "p.md", repeated("*_`#> ", SIZE)),
        ("Markdown mark lines", "p.md", repeated("*_`#>\n", SIZE)),
        ("table rows", "p.md", repeated("| - | : | - |\n", SIZE)),
        ("HTML specials", "p.md", repeated("<>&", SIZE)),
        ("a mix", "p.md", mixed(b".,;:!?-\"'()*_`#>|<>& \n", SIZE)),
        ("wire NUL", "p.txt", vec![0; SIZE]),
        (
            "wire punctuation paragraphs",
            "p.txt",
            repeated(".,;:!?-\"'()\n\n", SIZE),
        ),
        ("wire HTML specials", "p.txt", repeated("<>&", SIZE)),
        (
            "wire mix",
            "p.txt",
            mixed(b".,;:!?-\"'()*_`#>|<>& \n", SIZE),
        ),
    ];
    let over = over_ten_times(&cases, SIZE);
    assert!(over.is_empty(), "over ten times the size: {over:?}");
}

/// Single letters among Markdown marks (`[a[a[a…`, `![a](`, `[a](b`), on one line or many:
/// each letter and each mark is a token of the date tokenizer and a text event of the Markdown
/// parser, and 5 MB of `[a` took about 1.3 GB.
#[test]
fn issue_17_letters_scattered_among_marks_take_less_than_ten_times_their_size() {
    const SIZE: usize = 1 << 20;
    let pieces: &[&str] = &["[a", "*a", "_a", "`a", "<a", "![a](", "[a](b", " ", "\n"];
    let mix = || {
        let mut x: u32 = 54321;
        let mut out = Vec::with_capacity(SIZE + 8);
        while out.len() < SIZE {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            out.extend_from_slice(pieces[(x >> 16) as usize % pieces.len()].as_bytes());
        }
        out.truncate(SIZE);
        out
    };
    let lines = format!("{}\n", "[a".repeat(40));
    let crlf_lines = format!("{}\r\n", "[a".repeat(40));
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        ("[a", "p.md", repeated("[a", SIZE)),
        ("[a lines", "p.md", repeated(&lines, SIZE)),
        ("[a lines, CRLF", "p.md", repeated(&crlf_lines, SIZE)),
        ("*a", "p.md", repeated("*a", SIZE)),
        ("_a", "p.md", repeated("_a", SIZE)),
        ("`a", "p.md", repeated("`a", SIZE)),
        ("<a", "p.md", repeated("<a", SIZE)),
        ("![a](", "p.md", repeated("![a](", SIZE)),
        ("[a](b", "p.md", repeated("[a](b", SIZE)),
        (
            "[a paragraphs",
            "p.md",
            repeated(&format!("{lines}\n"), SIZE),
        ),
        ("a mix of them", "p.md", mix()),
        ("wire [a", "p.txt", repeated("[a", SIZE)),
        ("wire [a lines", "p.txt", repeated(&lines, SIZE)),
        ("wire ![a](", "p.txt", repeated("![a](", SIZE)),
        ("wire mix", "p.txt", mix()),
    ];
    let over = over_ten_times(&cases, SIZE);
    assert!(over.is_empty(), "over ten times the size: {over:?}");
}

/// Builds each case after a short story's build and says which took ten times their size or
/// more above it.
fn over_ten_times(cases: &[(&str, &str, Vec<u8>)], size: usize) -> Vec<String> {
    // One test measures at a time: the heap is counted for the whole binary.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    // What any article costs: a page, the site's other files, the templates. Measured on the
    // second build: the first also builds what the process keeps (compiled patterns, the thread
    // pool), which would be subtracted from every case.
    let short = b"Officials said on Monday that prices rose.\n";
    peak_of_build("p.md", short);
    let fixed = peak_of_build("p.md", short);
    let mut over = Vec::new();
    for (name, file, body) in cases {
        let peak = peak_of_build(file, body);
        let ratio = peak.saturating_sub(fixed) as f64 / size as f64;
        eprintln!("{name}: heap peak {peak} bytes, {ratio:.1} times the story above a short one");
        if ratio >= 10.0 {
            over.push(format!("{name}: {ratio:.1}x"));
        }
    }
    over
}
