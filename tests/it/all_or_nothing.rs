//! All or nothing (issue 12, class 1), on the real binary: a build replaces its whole set of
//! files or none, even when killed at any moment, when a rename fails or the process is killed
//! at it, or when the disk is full; two builds into one folder do not mix; an interrupted
//! `init` is undone by the next one.
//!
//! Two tests need rights rather than tools, and say "skipped" without them: the full disk is a
//! small tmpfs (mounting needs root), and the faults at each rename are injected with `strace`
//! (installed by `tests/run.sh`; a container may forbid tracing).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crate::support::harness::{copy_over, fixtures, run};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_report-gen")
}

/// `minimal/` in `root/name`, with `events` more events in 2022 whose texts say `version`.
fn data_set(root: &Path, name: &str, version: &str, events: usize) -> PathBuf {
    let dir = root.join(name);
    copy_over(&fixtures().join("minimal"), &dir, false);
    let year = dir.join("years/2022.yaml");
    let text = fs::read_to_string(&year).expect("minimal 2022.yaml");
    let (head, rest) = text
        .split_once("\ndiplomatic:")
        .expect("diplomatic after events");
    let mut more = String::new();
    for n in 0..events {
        more.push_str(&format!(
            "  - date: 2022-04-04\n    about: [brno]\n    text: spotkanie numer {n} w Brnie ({version})\n"
        ));
    }
    fs::write(&year, format!("{head}\n{more}\ndiplomatic:{rest}")).expect("write the year");
    dir
}

/// The files of an output folder: name → (bytes, modification time). Hidden files included.
type Files = BTreeMap<String, (Vec<u8>, SystemTime)>;

fn files(dir: &Path) -> Files {
    let mut out = Files::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let meta = e.metadata().expect("metadata");
        let bytes = if meta.is_file() {
            fs::read(e.path()).expect("read an output file")
        } else {
            b"<folder>".to_vec()
        };
        out.insert(
            e.file_name().to_string_lossy().into_owned(),
            (bytes, meta.modified().expect("mtime")),
        );
    }
    out
}

/// Only the bytes of each file (a new set has new modification times).
fn contents(f: &Files) -> BTreeMap<String, Vec<u8>> {
    f.iter().map(|(k, (b, _))| (k.clone(), b.clone())).collect()
}

fn build(cwd: &Path, data: &str, out: &str) -> crate::support::harness::Output {
    run(
        cwd,
        &["build", "--year", "2022", "--data", data, "--out", out],
    )
}

/// A small generator for the kill times; the seed is printed so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn a_build_killed_at_any_moment_leaves_the_old_set_or_the_new_one() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let root = tmp.path();
    data_set(root, "old", "wersja stara", 800);
    data_set(root, "new", "wersja nowa", 800);
    build(root, "new", "reference").assert_ok();
    let new_set = contents(&files(&root.join("reference")));
    let start = Instant::now();
    build(root, "old", "out").assert_ok();
    let full = start.elapsed();
    let old_set = files(&root.join("out"));
    assert_eq!(old_set.len(), 4);

    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64);
    eprintln!("kill loop: seed {seed}, a whole build takes {full:?}");
    let mut rng = Lcg(seed);
    let (mut old_kept, mut new_whole, mut repaired) = (0, 0, 0);
    for round in 0..16 {
        let now = files(&root.join("out"));
        if contents(&now) != contents(&old_set) {
            fs::remove_dir_all(root.join("out")).expect("clear the output");
            build(root, "old", "out").assert_ok();
        }
        let old_now = files(&root.join("out"));
        let mut child = Command::new(bin())
            .env("REPORT_GEN_LANG", "en")
            .args(["build", "--year", "2022", "--data", "new", "--out", "out"])
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start a build");
        // Any moment of the build; every other round near its end, where the files are moved.
        let t = full.as_micros() as u64;
        let wait = Duration::from_micros(if round % 2 == 0 {
            rng.below(t * 12 / 10)
        } else {
            t * 8 / 10 + rng.below(t * 4 / 10)
        });
        thread::sleep(wait);
        let _ = child.kill();
        let status = child.wait().expect("wait for the build");

        let after_kill = files(&root.join("out"));
        let visible: BTreeMap<String, Vec<u8>> = contents(&after_kill)
            .into_iter()
            .filter(|(k, _)| !k.starts_with('.'))
            .collect();
        let whole = visible == contents(&old_now) || visible == new_set;
        assert!(
            whole || after_kill.contains_key(".report-gen-journal"),
            "round {round} (killed after {wait:?}, {status}): a mixed set without a journal: {:?}",
            after_kill.keys()
        );
        // The next run repairs the folder first, whatever it then does (here: no such year).
        let next = run(
            root,
            &["build", "--year", "1999", "--data", "new", "--out", "out"],
        );
        assert_eq!(next.code, Some(1), "{}", next.describe());
        if next.stderr.contains("was interrupted") {
            repaired += 1;
        }
        let repaired_set = files(&root.join("out"));
        if repaired_set == old_now {
            old_kept += 1;
        } else if contents(&repaired_set) == new_set {
            new_whole += 1;
        } else {
            panic!(
                "round {round} (killed after {wait:?}): neither the old set (same bytes and \
                 times) nor the new one: {:?}",
                repaired_set.keys()
            );
        }
    }
    eprintln!(
        "kill loop: {old_kept} times the old set, {new_whole} times the new one, {repaired} \
         interrupted moves taken back"
    );
}

#[test]
fn two_builds_into_one_folder_write_one_whole_set() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let root = tmp.path();
    data_set(root, "a", "wersja A", 200);
    data_set(root, "b", "wersja B", 200);
    build(root, "a", "ref-a").assert_ok();
    build(root, "b", "ref-b").assert_ok();
    let a = contents(&files(&root.join("ref-a")));
    let b = contents(&files(&root.join("ref-b")));
    for round in 0..6 {
        let builds: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|data| {
                let root = root.to_path_buf();
                thread::spawn(move || build(&root, data, "out"))
            })
            .collect();
        for b in builds {
            b.join().expect("a build thread").assert_ok();
        }
        let out = contents(&files(&root.join("out")));
        assert!(
            out == a || out == b,
            "round {round}: the files of two builds are mixed: {:?}",
            out.keys()
        );
    }
}

/// A tmpfs of `bytes` at `dir`, unmounted when dropped; `None` where it cannot be mounted
/// (not root, or no right to mount).
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(dir: &Path, bytes: u64) -> Option<SmallDisk> {
        fs::create_dir_all(dir).ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk(dir.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_writes_nothing_and_keeps_the_old_set() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let root = tmp.path();
    data_set(root, "old", "wersja stara", 100);
    data_set(root, "new", "wersja nowa", 100);
    build(root, "old", "ref").assert_ok();
    // Room for one set, not for a second one beside it.
    let pages: u64 = files(&root.join("ref"))
        .values()
        .map(|(b, _)| (b.len() as u64).div_ceil(4096))
        .sum();
    let Some(_disk) = SmallDisk::mount(&root.join("disk"), (pages + pages / 2 + 1) * 4096) else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    };
    build(root, "old", "disk/out").assert_ok();
    let before = files(&root.join("disk/out"));
    let full = build(root, "new", "disk/out");
    assert_eq!(full.code, Some(1), "{}", full.describe());
    assert!(
        full.stderr
            .contains("nothing was written; every file that was there is as it was")
            && full.stderr.contains("No space left on device"),
        "{}",
        full.describe()
    );
    assert_eq!(
        files(&root.join("disk/out")),
        before,
        "the old set, and no temporary file"
    );

    // `init` on a full disk leaves nothing behind, and a rerun with room works.
    let init = run(root, &["init", "disk/dane"]);
    assert_eq!(init.code, Some(1), "{}", init.describe());
    assert!(
        init.stderr.contains("nothing was written"),
        "{}",
        init.describe()
    );
    assert!(
        !root.join("disk/dane").exists(),
        "init removed what it made"
    );
    fs::remove_dir_all(root.join("disk/out")).expect("make room");
    run(root, &["init", "disk/dane"]).assert_ok();
}

#[test]
fn an_interrupted_init_is_undone_by_the_next_one() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let root = tmp.path();
    let start = Instant::now();
    run(root, &["init", "whole"]).assert_ok();
    let full = start.elapsed();
    let mut rng = Lcg(u64::from(std::process::id()));
    for round in 0..10 {
        let dir = format!("dane{round}");
        let mut child = Command::new(bin())
            .env("REPORT_GEN_LANG", "en")
            .args(["init", &dir])
            .current_dir(root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start init");
        thread::sleep(Duration::from_micros(rng.below(full.as_micros() as u64)));
        let _ = child.kill();
        let _ = child.wait();
        let again = run(root, &["init", &dir]);
        let whole = run(root, &["check", "--data", &dir]);
        assert!(
            again.code == Some(0)
                || again.stderr.contains("exist already")
                || again.stderr.contains("already exists"),
            "round {round}: {}",
            again.describe()
        );
        whole.assert_ok();
    }
}

/// Whether `strace` can trace here. It must be installed (`tests/run.sh` installs it); a
/// container that forbids tracing (no `ptrace`) is the one reason to skip.
fn strace_works() -> bool {
    let traced = Command::new("strace")
        .args(["-qq", "-o", "/dev/null", "true"])
        .output()
        .expect("strace is installed (tests/run.sh installs it)");
    traced.status.success()
}

/// A build of `data` into `out` under `strace`, with `inject` applied to the renames: the
/// journal's is the first, then one per file moved in (md, html, pdf). `no_links`: hard links
/// fail as on a file system without them, so each old file is renamed aside first (two renames
/// per file).
fn build_with_fault(cwd: &Path, data: &str, inject: &str, no_links: bool) -> std::process::Output {
    let mut strace = Command::new("strace");
    strace.env("REPORT_GEN_LANG", "en");
    strace
        .args(["-f", "-qq", "-o", "/dev/null"])
        .arg(format!("-einject=rename,renameat,renameat2:{inject}"));
    if no_links {
        strace.arg("-einject=link,linkat:error=EPERM");
    }
    strace
        .arg(bin())
        .args(["build", "--year", "2022", "--data", data, "--out", "out"])
        .current_dir(cwd)
        .output()
        .expect("run strace")
}

/// Fails, then kills, a build of `new` over the set `old_set` in `root/out` at each of its
/// `renames` renames; after each the folder must hold `old_set` (after the next run, for a
/// kill).
fn fail_and_kill_at_each_rename(root: &Path, old_set: &Files, renames: usize, no_links: bool) {
    for when in 1..=renames {
        // The rename fails: the message says nothing was written, and it is true.
        let failed = build_with_fault(root, "new", &format!("error=EIO:when={when}"), no_links);
        let stderr = String::from_utf8_lossy(&failed.stderr);
        assert_eq!(failed.status.code(), Some(1), "rename {when}: {stderr}");
        assert!(
            stderr.contains("error: nothing was written; every file that was there is as it was")
                && stderr.contains("Input/output error"),
            "rename {when}: {stderr}"
        );
        assert_eq!(
            files(&root.join("out")),
            *old_set,
            "after a failed rename {when}"
        );

        // The process is killed at that rename: the next run puts the old set back.
        let killed = build_with_fault(
            root,
            "new",
            &format!("signal=SIGKILL:when={when}"),
            no_links,
        );
        assert_eq!(killed.status.code(), None, "rename {when}: killed");
        let next = run(
            root,
            &["build", "--year", "1999", "--data", "new", "--out", "out"],
        );
        assert_eq!(
            next.stderr.contains("was interrupted"),
            when > 1,
            "rename {when}: {}",
            next.describe()
        );
        assert_eq!(
            files(&root.join("out")),
            *old_set,
            "after a kill at rename {when} and the next run"
        );
    }
}

#[test]
fn a_failure_or_a_kill_at_each_rename_keeps_the_old_set() {
    if !strace_works() {
        eprintln!("skipped: strace cannot trace here");
        return;
    }
    let tmp = tempfile::tempdir().expect("temporary directory");
    let root = tmp.path();
    data_set(root, "old", "wersja stara", 50);
    data_set(root, "new", "wersja nowa", 50);
    build(root, "old", "out").assert_ok();
    let old_set = files(&root.join("out"));
    fail_and_kill_at_each_rename(root, &old_set, 4, false);
    // Without hard links each old file is renamed aside: 7 renames.
    fail_and_kill_at_each_rename(root, &old_set, 7, true);

    // Every rename from the html's on fails, so putting the md back fails too: the message says
    // the folder may be mixed, and the next run restores the old set.
    let mixed = build_with_fault(root, "new", "error=EIO:when=3+", false);
    let stderr = String::from_utf8_lossy(&mixed.stderr);
    assert_eq!(mixed.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: `out` may now hold some new files beside the earlier ones")
            && stderr.contains("putting them back: cannot restore")
            && stderr.contains("run the same command again")
            && !stderr.contains("nothing was written"),
        "{stderr}"
    );
    let next = run(
        root,
        &["build", "--year", "1999", "--data", "new", "--out", "out"],
    );
    assert!(
        next.stderr.contains("was interrupted"),
        "{}",
        next.describe()
    );
    assert_eq!(
        files(&root.join("out")),
        old_set,
        "restored by the next run"
    );

    build(root, "new", "out").assert_ok();
    let new_set = files(&root.join("out"));
    assert_eq!(new_set.len(), 4, "{:?}", new_set.keys());
    assert_ne!(contents(&new_set), contents(&old_set));
}
