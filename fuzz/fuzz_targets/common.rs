//! A data folder for the year-file targets: `tests/fixtures/minimal` copied once per process into
//! a temporary folder (in memory under /dev/shm where there is one), whose `years/2022.yaml` each
//! input replaces.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The data folder; the fuzzed bytes go to `years/2022.yaml` in it.
pub fn data_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() { shm.to_path_buf() } else { std::env::temp_dir() };
        let dir = base.join(format!("report-gen-fuzz-{}", std::process::id()));
        let minimal = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/minimal");
        copy(&minimal, &dir);
        dir
    })
}

/// Writes the input as the year file.
pub fn write_year(data: &[u8]) {
    fs::write(data_dir().join("years/2022.yaml"), data).expect("write the fuzzed year file");
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create the fuzz data folder");
    for entry in fs::read_dir(from).expect("read tests/fixtures/minimal") {
        let path = entry.expect("directory entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy a fixture file");
        }
    }
}
