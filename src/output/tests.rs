//! The promises of `output`: a set is written whole or not at all, whatever step fails or is
//! interrupted, and nothing but the set's own files is touched.

use super::*;

use std::fs::File;

use std::collections::BTreeMap;
use std::time::SystemTime;

/// Every entry of `dir` (recursively, hidden ones too) with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            for (sub, v) in snapshot(&path) {
                out.insert(format!("{name}/{sub}"), v);
            }
        } else {
            let mtime = fs::metadata(&path).unwrap().modified().unwrap();
            out.insert(name, (fs::read(&path).unwrap(), mtime));
        }
    }
    out
}

fn set(root: &Path, version: &str) -> FileSet {
    let mut s = FileSet::new(root);
    for name in ["a.md", "a.html", "a.pdf"] {
        s.replace(name, format!("{name} {version}"));
    }
    s
}

/// An old set in `root` (with a file of the user's beside it), and its snapshot.
fn old_set(root: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    set(root, "old").commit().unwrap();
    fs::write(root.join("notes.txt"), "the user's").unwrap();
    // Older than anything written later, so a rewrite shows in the modification time.
    let past = SystemTime::now() - std::time::Duration::from_secs(3600);
    for name in ["a.md", "a.html", "a.pdf", "notes.txt"] {
        File::options()
            .write(true)
            .open(root.join(name))
            .unwrap()
            .set_modified(past)
            .unwrap();
    }
    snapshot(root)
}

/// Every step a commit of three files goes through.
fn steps() -> Vec<Step> {
    let mut steps: Vec<Step> = (0..3).map(Step::Staged).collect();
    steps.push(Step::Journal);
    steps.extend((0..3).map(Step::Moved));
    steps
}

#[test]
fn replaces_the_whole_set_and_leaves_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("out/2023");
    set(&root, "old").commit().unwrap();
    let written = set(&root, "new").commit().unwrap();
    assert_eq!(written.len(), 3);
    let now = snapshot(&root);
    assert_eq!(
        now.keys().collect::<Vec<_>>(),
        ["a.html", "a.md", "a.pdf"],
        "no lock, journal or temporary file remains"
    );
    assert_eq!(now["a.pdf"].0, b"a.pdf new");
}

#[test]
fn a_failure_at_any_step_keeps_every_old_file() {
    for step in steps() {
        let dir = tempfile::tempdir().unwrap();
        let before = old_set(dir.path());
        let result = set(dir.path(), "new").commit_with(&mut |s| {
            if s == step {
                Err(io::Error::other("injected"))
            } else {
                Ok(())
            }
        });
        match result {
            Err(WriteError::Unchanged(e)) => assert!(format!("{e:#}").contains("injected")),
            other => panic!("{step:?}: {other:?}"),
        }
        assert_eq!(snapshot(dir.path()), before, "after a failure at {step:?}");
    }
}

#[test]
fn a_kill_at_any_step_is_taken_back_by_the_next_run() {
    for step in steps() {
        let dir = tempfile::tempdir().unwrap();
        let before = old_set(dir.path());
        // A panic stands for the kill: the journal, the staged files and the old files' second
        // names stay where they are (only the lock goes, as the kernel releases it).
        let killed = std::panic::catch_unwind(|| {
            let _ = set(dir.path(), "new").commit_with(&mut |s| {
                if s == step {
                    panic!("killed");
                }
                Ok(())
            });
        });
        assert!(killed.is_err());
        let repair = repair(dir.path()).unwrap();
        assert_eq!(
            repair.rolled_back,
            step >= Step::Journal,
            "journal taken back at {step:?}"
        );
        assert_eq!(snapshot(dir.path()), before, "after a kill at {step:?}");
    }
}

#[test]
fn a_folder_or_a_read_only_file_in_the_way_stops_it_before_anything_changes() {
    let dir = tempfile::tempdir().unwrap();
    old_set(dir.path());
    fs::remove_file(dir.path().join("a.pdf")).unwrap();
    fs::create_dir(dir.path().join("a.pdf")).unwrap();
    let before = snapshot(dir.path());
    let Err(WriteError::Unchanged(e)) = set(dir.path(), "new").commit() else {
        panic!("a folder in the way must fail");
    };
    assert!(e.to_string().contains("a.pdf` is a folder"), "{e}");
    assert_eq!(snapshot(dir.path()), before);

    let dir = tempfile::tempdir().unwrap();
    old_set(dir.path());
    let pdf = dir.path().join("a.pdf");
    let mut perms = fs::metadata(&pdf).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&pdf, perms).unwrap();
    let before = snapshot(dir.path());
    let Err(WriteError::Unchanged(e)) = set(dir.path(), "new").commit() else {
        panic!("a read-only file must stop the build");
    };
    assert!(e.to_string().contains("a.pdf` is read-only"), "{e}");
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn create_never_replaces_and_a_failure_removes_what_it_made() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("new-data");
    let files = |s: &mut FileSet| {
        s.create("report.yaml", "r");
        s.create("registry/partners.yaml", "p");
        s.create("schema/year.schema.json", "y");
    };
    let mut s = FileSet::new(&root);
    files(&mut s);
    let failed = s.commit_with(&mut |step| match step {
        Step::Moved(2) => Err(io::Error::other("disk full")),
        _ => Ok(()),
    });
    assert!(
        matches!(failed, Err(WriteError::Unchanged(_))),
        "{failed:?}"
    );
    assert!(!root.exists(), "the folders it created are gone");

    let mut s = FileSet::new(&root);
    files(&mut s);
    s.commit().expect("a rerun after a failure works");
    let mut again = FileSet::new(&root);
    files(&mut again);
    match again.commit() {
        Err(WriteError::Exists(paths)) => assert_eq!(paths.len(), 3),
        other => panic!("{other:?}"),
    }
    assert_eq!(fs::read(root.join("report.yaml")).unwrap(), b"r");
}

#[test]
fn temporary_files_of_earlier_runs_go_and_the_users_files_stay() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for name in [
        ".report-gen-tmp-999-0-a.pdf",
        ".report-gen-old-999-1-a.md",
        // Left by an earlier version whose process is gone (pids stop below 2^22).
        ".a.pdf.999999999.3.tmp",
        // The user's own.
        ".a.pdf.notes",
        "a.pdf.999999999.3.tmp",
    ] {
        fs::write(root.join(name), "x").unwrap();
    }
    set(root, "new").commit().unwrap();
    let names: Vec<String> = snapshot(root).into_keys().collect();
    assert_eq!(
        names,
        [
            ".a.pdf.notes",
            "a.html",
            "a.md",
            "a.pdf",
            "a.pdf.999999999.3.tmp"
        ]
    );
}

#[cfg(unix)]
#[test]
fn new_files_are_not_private_and_replaced_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().unwrap();
    set(dir.path(), "1").commit().unwrap();
    let path = dir.path().join("a.md");
    let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_ne!(
        mode & 0o044,
        0,
        "readable by others under the usual umask: {mode:o}"
    );
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    set(dir.path(), "2").commit().unwrap();
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn two_writers_into_one_folder_never_mix_their_sets() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let root = root.clone();
            std::thread::spawn(move || {
                for i in 0..25 {
                    set(&root, &format!("{w}-{i}")).commit().unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let now = snapshot(&root);
    assert_eq!(now.len(), 3, "{:?}", now.keys());
    let version = |name: &str| {
        String::from_utf8(now[name].0.clone())
            .unwrap()
            .split_once(' ')
            .unwrap()
            .1
            .to_string()
    };
    assert_eq!(version("a.md"), version("a.pdf"));
    assert_eq!(version("a.html"), version("a.pdf"));
}

#[test]
fn a_journal_that_cannot_be_read_stops_everything_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let before = old_set(dir.path());
    fs::write(
        dir.path().join(JOURNAL),
        "report-gen journal 1\nnew\t../../etc/passwd\tx\n",
    )
    .unwrap();
    let mut before = before;
    let journal = dir.path().join(JOURNAL);
    before.insert(
        JOURNAL.to_string(),
        (
            fs::read(&journal).unwrap(),
            fs::metadata(&journal).unwrap().modified().unwrap(),
        ),
    );
    let Err(WriteError::Unchanged(e)) = set(dir.path(), "new").commit() else {
        panic!("an unreadable journal must stop the commit");
    };
    assert!(
        format!("{e:#}").contains("cannot be read; move it away"),
        "{e:#}"
    );
    assert_eq!(
        snapshot(dir.path()),
        before,
        "nothing touched, not even outside the folder"
    );
}
