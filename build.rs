//! Build script: a hash of the extractor's source, so that the claims cache is keyed by the code
//! that made its entries (an upgraded or edited extractor never reuses claims of another).

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src/extract");
    let mut files = Vec::new();
    collect(Path::new("src/extract"), &mut files);
    files.sort();
    // FNV-1a over the paths and contents: stable across Rust releases, unlike DefaultHasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_default();
        for b in file.to_string_lossy().bytes().chain(bytes) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=REPORT_EXTRACT_HASH={h:016x}");
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
