//! End-to-end tests of `report-gen serve`: the real binary on a temporary copy of
//! `tests/fixtures/minimal`, talked to over 127.0.0.1 only. What it serves is what `build`
//! makes; paths outside its own pages are 404; it listens on the loopback interface only and
//! writes nothing; the event stream reports a bad date with its place and the fix; a port in
//! use is a clear error; Ctrl-C and SIGTERM exit 0; and the page in headless Chromium updates itself
//! (tests/browser/serve.mjs). Every wait is bounded; the server is killed when a test ends.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use crate::support::harness;
use crate::support::running::Running;

/// How long to wait for the server to start (the binary starts cold) and for each answer.
const WAIT: Duration = Duration::from_secs(15);

/// A running `report-gen serve` (killed when the test ends) and the address it serves at.
struct Server {
    run: Running,
    address: SocketAddr,
}

impl Server {
    /// Starts `serve --port 0` in `cwd` (which holds `data/`); waits for the printed address.
    fn start(cwd: &Path) -> Server {
        let mut run = Running::start(
            cwd,
            &["serve", "--port", "0", "--year", "2022", "--data", "data"],
            WAIT,
        );
        let line = run.expect_line("out", "serving the chapter at http://");
        let address = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .expect("an address in the line")
            .parse()
            .expect("a socket address");
        Server { run, address }
    }

    /// Waits for a line of `stream` containing `fragment`; fails after [`WAIT`].
    fn expect_line(&mut self, stream: &str, fragment: &str) -> String {
        self.run.expect_line(stream, fragment)
    }

    fn get(&self, path: &str) -> Reply {
        get(
            self.address,
            path,
            &format!("127.0.0.1:{}", self.address.port()),
        )
    }
}

/// An HTTP answer: status, headers (lower-case names), body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A GET request as written, path and all (no client normalises `..` away).
fn get(address: SocketAddr, path: &str, host: &str) -> Reply {
    let mut stream = TcpStream::connect_timeout(&address, WAIT).expect("connect to the server");
    stream.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the answer");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("the end of the headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

/// A temporary folder with `data/` copied from `tests/fixtures/minimal`.
fn data_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temporary directory");
    copy_dir(
        &harness::fixtures().join("minimal"),
        &tmp.path().join("data"),
    );
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create directory");
    for entry in fs::read_dir(from).expect("read fixture directory") {
        let path = entry.expect("directory entry").path();
        let target = to.join(path.file_name().expect("entry has a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy fixture file");
        }
    }
}

/// Every file under `dir` with its size and modification time.
fn listing(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("read directory") {
        let path = entry.expect("entry").path();
        let meta = fs::metadata(&path).expect("metadata");
        if meta.is_dir() {
            out.extend(listing(&path));
        } else {
            out.push((path, meta.len(), meta.modified().expect("mtime")));
        }
    }
    out.sort();
    out
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).expect("read year file");
    assert!(text.contains(from), "{} has {from:?}", file.display());
    fs::write(file, text.replace(from, to)).expect("write year file");
}

#[test]
fn serves_what_build_makes_only_its_own_pages_only_on_loopback_and_writes_nothing() {
    let tmp = data_copy();
    let built = tmp.path().join("built");
    harness::run(
        tmp.path(),
        &[
            "build", "--year", "2022", "--data", "data", "--out", "built",
        ],
    )
    .assert_ok();
    let data_before = listing(&tmp.path().join("data"));
    let server = Server::start(tmp.path());

    let root = server.get("/");
    assert_eq!(root.status, 303);
    assert_eq!(root.header("location"), Some("/2022/"));

    // The page is `build`'s HTML with the preview added: the chapter's <main> is the same bytes.
    let page = server.get("/2022/");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let page = page.text();
    let html = fs::read_to_string(built.join("wspolpraca-miedzynarodowa-2022.html")).unwrap();
    let main = &html[html.find("<main>").unwrap()..html.find("</main>").unwrap()];
    assert!(page.contains(main), "the served page holds build's <main>");
    assert!(page.contains("id=\"rg-bar\"") && page.contains("id=\"rg-overlay\""));
    assert!(page.contains("new EventSource(`/events/${year}?shown=${shown}"));
    assert!(page.contains("<a href=\"/2022/pdf/\">PDF of 2022</a>"));

    // The PDF view: the PDF in a page that reloads it after a save.
    let view = server.get("/2022/pdf/");
    assert_eq!(view.status, 200);
    let view = view.text();
    assert!(view
        .contains("<iframe id=\"rg-pdf\" title=\"The chapter of 2022 as PDF\" src=\"/2022.pdf?g="));
    assert!(view.contains(" data-kind=\"pdf\">"));

    // The Markdown and the PDF are the bytes `build` writes.
    let md = server.get("/2022.md");
    assert_eq!(md.status, 200);
    assert_eq!(
        md.body,
        fs::read(built.join("wspolpraca-miedzynarodowa-2022.md")).unwrap()
    );
    let pdf = server.get("/2022.pdf");
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(
        pdf.body == fs::read(built.join("wspolpraca-miedzynarodowa-2022.pdf")).unwrap(),
        "the served PDF is build's PDF"
    );

    // Nothing else: no file of the disk, however the path is written.
    for path in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2f..%2fetc%2fpasswd",
        "/2022/../../etc/passwd",
        "/2022/%2e%2e/%2e%2e/etc/passwd",
        "//etc/passwd",
        "/data/years/2022.yaml",
        "/years/2022.yaml",
        "/built/wspolpraca-miedzynarodowa-2022.html",
        "/2022.html",
        "/2022/index.html",
        "/1999/",
        "/1999.pdf",
        "/favicon.ico",
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.text().contains("root:"), "{path}");
    }
    // A page elsewhere reaching the server through another name (DNS rebinding) gets nothing.
    assert_eq!(get(server.address, "/2022/", "evil.example").status, 404);

    // Listening on 127.0.0.1 only: not on every interface, so not even on 127.0.0.2.
    assert_eq!(server.address.ip().to_string(), "127.0.0.1");
    let other: SocketAddr = format!("127.0.0.2:{}", server.address.port())
        .parse()
        .unwrap();
    assert!(
        TcpStream::connect_timeout(&other, Duration::from_secs(2)).is_err(),
        "the server answers on 127.0.0.2: it listens on more than 127.0.0.1"
    );
    #[cfg(target_os = "linux")]
    {
        let port = format!("{:04X}", server.address.port());
        let tcp = fs::read_to_string("/proc/net/tcp").unwrap()
            + &fs::read_to_string("/proc/net/tcp6").unwrap_or_default();
        // Listening sockets (state 0A) on our port: only 127.0.0.1 (0100007F).
        let listening: Vec<&str> = tcp
            .lines()
            .filter_map(|l| {
                let f: Vec<&str> = l.split_whitespace().collect();
                (f.get(3) == Some(&"0A") && f[1].ends_with(&format!(":{port}"))).then_some(f[1])
            })
            .collect();
        assert_eq!(listening, [format!("0100007F:{port}")], "{tcp}");
    }

    assert_eq!(
        listing(&tmp.path().join("data")),
        data_before,
        "serve wrote into data/"
    );
    assert!(!tmp.path().join("out").exists(), "serve wrote out/");
}

/// Requests on one kept-alive connection, as a browser sends them: each answered at once. With
/// Nagle's algorithm on, every answer after the first waited for the browser's delayed ACK
/// (42–48 ms on Linux); the fastest of three must be well under that.
#[test]
fn pages_on_a_kept_alive_connection_come_at_once() {
    let tmp = data_copy();
    let server = Server::start(tmp.path());
    let mut stream = TcpStream::connect_timeout(&server.address, WAIT).unwrap();
    stream.set_read_timeout(Some(WAIT)).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut times = Vec::new();
    for _ in 0..4 {
        // One write, as a browser sends a request (several small ones would meet the
        // client's own Nagle delay).
        let request = format!(
            "GET /2022.md HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
            server.address.port()
        );
        let start = Instant::now();
        stream.write_all(request.as_bytes()).unwrap();
        let mut length = 0;
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap();
            }
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        assert!(String::from_utf8_lossy(&body).contains("# Współpraca międzynarodowa"));
        times.push(start.elapsed());
    }
    let fastest_later = times[1..].iter().min().unwrap();
    assert!(
        *fastest_later < Duration::from_millis(30),
        "answers on a kept-alive connection: {times:?}"
    );
}

/// Reads server-sent events from `/events/YEAR` until one of kind `event` arrives.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(address: SocketAddr, year: i32) -> Events {
        Events::open_path(address, &format!("/events/{year}"))
    }

    fn open_path(address: SocketAddr, path: &str) -> Events {
        let mut stream = TcpStream::connect_timeout(&address, WAIT).unwrap();
        stream.set_read_timeout(Some(WAIT)).unwrap();
        let request = format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
            address.port()
        );
        stream.write_all(request.as_bytes()).unwrap();
        let mut reader = BufReader::new(stream);
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        Events { reader }
    }

    /// The data of the next event named `event` (others are skipped); fails after [`WAIT`].
    fn next(&mut self, event: &str) -> String {
        let deadline = Instant::now() + WAIT;
        let mut name = String::new();
        while Instant::now() < deadline {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream ended"),
                Ok(_) => {}
                Err(e) => panic!("no {event:?} event within {WAIT:?}: {e}"),
            }
            if let Some(n) = line.strip_prefix("event: ") {
                name = n.trim().to_string();
            } else if let Some(data) = line.strip_prefix("data: ") {
                if name == event {
                    return data.trim().to_string();
                }
            }
        }
        panic!("no {event:?} event within {WAIT:?}");
    }
}

/// The generation of a `chapter` event.
fn generation(data: &str) -> u64 {
    let v: serde_json::Value = serde_json::from_str(data).expect("the event is JSON");
    v["generation"].as_u64().expect("a generation")
}

#[test]
fn the_event_stream_reports_a_bad_date_with_its_place_and_the_fix_and_sigterm_stops_it() {
    let tmp = data_copy();
    let year = tmp.path().join("data/years/2022.yaml");
    let mut server = Server::start(tmp.path());
    let mut events = Events::open(server.address, 2022);
    let mut pdf_events = Events::open_path(server.address, "/events/2022?kind=pdf");
    let first = generation(&events.next("chapter"));
    pdf_events.next("chapter");
    let good_pdf = server.get("/2022.pdf?g=1").body;
    assert!(good_pdf.starts_with(b"%PDF-"));

    edit(&year, "date: 2022-06-06", "date: 2022-06-31");
    let problems: serde_json::Value = serde_json::from_str(&events.next("problems")).unwrap();
    assert_eq!(problems["total"], 1, "{problems}");
    let problem = &problems["problems"][0];
    assert_eq!(problem["place"], "data/years/2022.yaml:26:11", "{problem}");
    assert_eq!(
        problem["message"],
        "2022-06-31 does not exist: June 2022 has 30 days"
    );
    assert!(problem["excerpt"]
        .as_str()
        .is_some_and(|e| e.contains("26 |   - date: 2022-06-31")));
    server.expect_line(
        "err",
        "data/years/2022.yaml:26:11: error: 2022-06-31 does not exist",
    );
    // The last good chapter is still served; the PDF and the Markdown say why they cannot be made.
    assert!(server.get("/2022/").text().contains("6\u{a0}czerwca"));
    for file in ["/2022.pdf", "/2022.md"] {
        let reply = server.get(file);
        assert_eq!(reply.status, 500, "{file}");
        assert!(
            reply
                .text()
                .contains("data/years/2022.yaml:26:11: error: 2022-06-31 does not exist"),
            "{file}: {}",
            reply.text()
        );
    }

    edit(&year, "date: 2022-06-31", "date: 2022-06-07");
    let fixed = events.next("chapter");
    assert!(generation(&fixed) > first);
    // The event carries the new chapter, so the page needs no second request.
    let chapter: serde_json::Value = serde_json::from_str(&fixed).unwrap();
    assert!(chapter["html"]
        .as_str()
        .is_some_and(|h| h.contains("7\u{a0}czerwca") && !h.contains("rg-bar")));
    assert!(server.get("/2022/").text().contains("7\u{a0}czerwca"));
    server.expect_line("out", "rebuilt 2022 in");
    assert!(generation(&pdf_events.next("chapter")) > first);

    #[cfg(unix)]
    {
        let pid = server.run.child.id().to_string();
        // SIGTERM, what `kill`, a service manager or closing a terminal session sends, stops it
        // as Ctrl-C (SIGINT) does (tested in watch.rs).
        let sent = Command::new("kill").args(["-TERM", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "SIGTERM sent");
        server.expect_line("out", "stopped");
        let deadline = Instant::now() + WAIT;
        let status = loop {
            if let Some(status) = server.run.child.try_wait().expect("child status") {
                break status;
            }
            assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
            thread::sleep(Duration::from_millis(10));
        };
        assert_eq!(status.code(), Some(0), "SIGTERM exits with 0");
    }
}

/// Started on data with an error, there is no chapter yet: `/` is a page that shows the problems
/// and, once a save fixes them, goes to the chapter.
#[test]
fn started_on_broken_data_it_shows_the_problems_until_they_are_fixed() {
    let tmp = data_copy();
    let year = tmp.path().join("data/years/2022.yaml");
    edit(&year, "date: 2022-06-06", "date: 2022-06-31");
    let mut server = Server::start(tmp.path());
    // Printed before the address, but on stderr: `start` may have read the address first.
    for fragment in [
        "data/years/2022.yaml:26:11: error: 2022-06-31 does not exist",
        "the chapter cannot be made yet (1 problem)",
    ] {
        if !server.run.seen.iter().any(|l| l.contains(fragment)) {
            server.expect_line("err", fragment);
        }
    }
    let root = server.get("/");
    assert_eq!(root.status, 200);
    assert!(root.text().contains("data-year=\"any\""), "{}", root.text());
    let mut events = Events::open_path(server.address, "/events/any");
    let problems: serde_json::Value = serde_json::from_str(&events.next("problems")).unwrap();
    assert_eq!(
        problems["problems"][0]["place"],
        "data/years/2022.yaml:26:11"
    );
    edit(&year, "date: 2022-06-31", "date: 2022-06-06");
    events.next("chapter");
    let root = server.get("/");
    assert_eq!(root.status, 303);
    assert_eq!(root.header("location"), Some("/2022/"));
}

#[test]
fn a_port_in_use_is_a_clear_error_naming_the_flag() {
    let tmp = data_copy();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = harness::run(tmp.path(), &["serve", "--port", &port, "--data", "data"]);
    assert_eq!(out.code, Some(1), "{}", out.describe());
    assert!(
        out.stderr
            .contains(&format!("error: port {port} is already in use")),
        "{}",
        out.describe()
    );
    assert!(out.stderr.contains("`--port 0`"), "{}", out.describe());
}

/// The page in headless Chromium: an edit appears without a reload, at the same scroll
/// position; a bad date shows the overlay with the file and line over the last good chapter;
/// the fix removes it; no request leaves the server (tests/browser/serve.mjs).
#[test]
fn the_page_updates_itself_and_shows_problems_in_a_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser = root.join("tests/browser");
    assert!(
        browser.join("node_modules/playwright-core").is_dir()
            && Path::new("/usr/bin/chromium").exists(),
        "the browser test needs Chromium and its npm packages: run tests/browser/install.sh (tests/run.sh does)"
    );
    let shots = std::env::temp_dir().join("report-gen-serve-screenshots");
    let mut child = Command::new("node")
        .env("REPORT_GEN_LANG", "en")
        .arg(browser.join("serve.mjs"))
        .arg("--bin")
        .arg(env!("CARGO_BIN_EXE_report-gen"))
        .arg("--data")
        .arg(harness::fixtures().join("minimal"))
        .arg("--screenshots")
        .arg(&shots)
        .current_dir(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("node runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut s = String::new();
            let _ = pipe.read_to_string(&mut s);
            s
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the browser test did not finish within 120 s");
        }
        thread::sleep(Duration::from_millis(50));
    };
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    assert!(status.success(), "browser test failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("serve: all checks passed"), "{stdout}");
}
