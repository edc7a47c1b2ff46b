//! `serve`: a live preview on 127.0.0.1. The chapter's page as `build` makes it, updated in
//! place on every save (server-sent events), with every problem of a failed rebuild shown over
//! the last good chapter; the PDF and the Markdown of the year next to it.
//!
//! Everything is served from memory ([`report_gen::build::render`]); nothing is read from disk
//! for a request and nothing is written. Only the routes below exist; any other path is a 404:
//!
//! | path | what |
//! |---|---|
//! | `/` | redirects to the year given with `--year`, or the latest year |
//! | `/2023/` | the chapter's page with the preview bar, overlay and script |
//! | `/2023.pdf`, `/2023.md` | the PDF and the Markdown, rendered from the data as it is now |
//! | `/events/2023` | the event stream of that page: `chapter` (new content) or `problems` |
//!
//! The server is `tiny_http`: synchronous, no async runtime; each request gets a thread, which
//! for an event stream lives as long as the page is open. One user, a few pages: threads are
//! the simplest thing that is fast enough.

mod page;
mod state;

use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use tiny_http::{Header, Request, Response, StatusCode};

use super::changes::Changes;
use super::report::{print_rendered, EXIT_OK, EXIT_PROBLEM};
use page::Shown;
use state::{Kind, Problems, Rendered, Shared};

/// The port when `--port` is not given.
pub(super) const DEFAULT_PORT: u16 = 8765;

/// How often an idle event stream sends a comment, so that a closed page's thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Options of `report-gen serve`.
#[derive(clap::Args, Debug)]
pub(super) struct ServeArgs {
    /// The year shown first (default: the latest year of the data); the page switches years.
    #[arg(long)]
    year: Option<i32>,
    /// The data folder.
    #[arg(long, default_value = "data", value_name = "DIR")]
    data: PathBuf,
    /// A folder whose templates replace the built-in ones, file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// The port on 127.0.0.1 (0: any free port; the address is printed).
    #[arg(long, default_value_t = DEFAULT_PORT, value_name = "N")]
    port: u16,
    /// Open the page in the default browser.
    #[arg(long)]
    open: bool,
}

/// Serves the preview until Ctrl-C; returns the exit code.
pub(super) fn run(args: &ServeArgs) -> i32 {
    let epoch = match super::build::source_date_epoch() {
        Ok(e) => e,
        Err(e) => return super::report::report_error(&e),
    };
    // Only the loopback interface: the preview is for the person at this computer.
    let listener = match TcpListener::bind((Ipv4Addr::LOCALHOST, args.port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", bind_error(args.port, &e));
            return EXIT_PROBLEM;
        }
    };
    let listener = without_nagle(listener);
    let address = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: cannot read the server's address: {e}");
            return EXIT_PROBLEM;
        }
    };
    let mut folders = vec![args.data.clone()];
    folders.extend(args.templates.clone());
    // Watching starts before the first load, so that a save during it is not missed.
    let changes = match Changes::start(&folders, None) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_PROBLEM;
        }
    };
    let shared = Shared::new(args.data.clone(), args.templates.clone(), epoch);
    let start = Instant::now();
    let (problems, _) = shared.reload();
    match problems {
        None => println!("data loaded in {} ms", start.elapsed().as_millis()),
        Some(p) => {
            print_problems(&p);
            eprintln!(
                "the chapter cannot be made yet ({}); the page shows the problems until a save fixes them",
                report_gen::diag::count(p.total, "problem")
            );
        }
    }
    let server = match tiny_http::Server::from_listener(listener, None) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot start the web server: {e}");
            return EXIT_PROBLEM;
        }
    };
    let first_year = args.year;
    {
        let shared = shared.clone();
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let shared = shared.clone();
                thread::spawn(move || handle(request, &shared, address, first_year));
            }
        });
    }
    let url = format!("http://{address}/");
    println!(
        "serving the chapter at {url} (open it in a browser); watching {} for changes. Press Ctrl-C to stop.",
        changes.folders_text()
    );
    if args.open {
        open_browser(&url);
    }
    while let Some(changed) = changes.next() {
        println!("changed: {}", changes.names(&changed));
        let start = Instant::now();
        match shared.reload() {
            (Some(p), _) => report_problems(&p),
            (None, renders) if renders.is_empty() => println!(
                "data reloaded in {} ms (no page is open)",
                start.elapsed().as_millis()
            ),
            (None, renders) => {
                for (year, rendered) in renders {
                    report_render(year, &rendered, start);
                }
            }
        }
    }
    println!("stopped");
    EXIT_OK
}

/// The listener with Nagle's algorithm off (`TCP_NODELAY`), which the connections it accepts
/// inherit. tiny_http writes a response's head and body separately, and on a kept-alive
/// connection the kernel then holds the body until the browser's delayed ACK: every page after
/// the first took 42–48 ms instead of under 1 ms. (std has `set_nodelay` on streams only; the
/// fd round trip is the safe way to reach the listening socket.)
fn without_nagle(listener: TcpListener) -> TcpListener {
    #[cfg(unix)]
    {
        use std::os::fd::OwnedFd;
        let socket = std::net::TcpStream::from(OwnedFd::from(listener));
        let _ = socket.set_nodelay(true);
        TcpListener::from(OwnedFd::from(socket))
    }
    #[cfg(windows)]
    {
        use std::os::windows::io::OwnedSocket;
        let socket = std::net::TcpStream::from(OwnedSocket::from(listener));
        let _ = socket.set_nodelay(true);
        TcpListener::from(OwnedSocket::from(socket))
    }
    #[cfg(not(any(unix, windows)))]
    {
        listener
    }
}

/// The message for a port that cannot be used, with the flag that helps.
fn bind_error(port: u16, e: &io::Error) -> String {
    let next = port.checked_add(1).unwrap_or(DEFAULT_PORT);
    match e.kind() {
        io::ErrorKind::AddrInUse => format!(
            "error: port {port} is already in use (by another program, or a `report-gen serve` still running)\n  = help: choose another port with `--port {next}`, or `--port 0` for any free one"
        ),
        io::ErrorKind::PermissionDenied => format!(
            "error: port {port} may not be used by this user: {e}\n  = help: choose a port above 1023 with `--port {}`, or `--port 0` for any free one",
            DEFAULT_PORT
        ),
        _ => format!(
            "error: cannot listen on 127.0.0.1:{port}: {e}\n  = help: try another port with `--port {next}`, or `--port 0` for any free one"
        ),
    }
}

/// Prints why the data or templates could not be loaded.
fn report_problems(p: &Problems) {
    print_problems(p);
    eprintln!(
        "not rebuilt ({} in the data or templates); the page shows the problems over the last good chapter. Waiting for changes…",
        report_gen::diag::count(p.total, "problem")
    );
}

/// Prints the outcome of rendering an open page's year after a change.
fn report_render(year: i32, rendered: &Rendered, start: Instant) {
    match rendered {
        Ok(_) => println!(
            "rebuilt {year} in {} ms: the page is updated",
            start.elapsed().as_millis()
        ),
        Err(p) => {
            print_problems(p);
            eprintln!(
                "{year} not rebuilt; the page shows the problems over the last good chapter. Waiting for changes…"
            );
        }
    }
}

fn print_problems(p: &Problems) {
    for problem in &p.problems {
        print_rendered(&problem.text);
    }
    if p.total > p.problems.len() {
        eprintln!("… and {} more", p.total - p.problems.len());
    }
}

/// Opens `url` with the platform's opener; if there is none, the printed address is enough.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let started = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let url = url.to_string();
    match started {
        // Waited for on a thread (no zombie left behind); a failure is only a warning.
        Ok(mut child) => {
            thread::spawn(move || {
                if !child.wait().is_ok_and(|s| s.success()) {
                    eprintln!("warning: the browser could not be opened; open {url} yourself");
                }
            });
        }
        Err(e) => eprintln!("warning: cannot open a browser ({e}); open {url} yourself"),
    }
}

/// One route of the preview.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    Root,
    Page(i32),
    /// `/2023` without the slash: redirected to the page.
    PageNoSlash(i32),
    File(i32, Kind),
    /// The events of a page showing a year, or (`None`, `/events/any`) of the page shown while
    /// no data set has loaded yet.
    Events(Option<i32>),
}

/// The route of a request's path (without the query), or `None`: a 404. Exact matches only, so
/// no path reaches a file: `/../etc/passwd` and `/%2e%2e/…` are simply not routes.
fn route(url: &str) -> Option<Route> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == "/" {
        return Some(Route::Root);
    }
    let rest = path.strip_prefix('/')?;
    if let Some(y) = rest.strip_prefix("events/") {
        if y == "any" {
            return Some(Route::Events(None));
        }
        return year(y).map(|y| Route::Events(Some(y)));
    }
    if let Some(y) = rest.strip_suffix('/') {
        return year(y).map(Route::Page);
    }
    if let Some(y) = rest.strip_suffix(".pdf") {
        return year(y).map(|y| Route::File(y, Kind::Pdf));
    }
    if let Some(y) = rest.strip_suffix(".md") {
        return year(y).map(|y| Route::File(y, Kind::Md));
    }
    year(rest).map(Route::PageNoSlash)
}

/// A four-digit year.
fn year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The number `name=N` in the query of `url`.
fn query_number(url: &str, name: &str) -> Option<u64> {
    let (_, query) = url.split_once('?')?;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
}

/// Whether the request names this server in its `Host` header. A web page elsewhere cannot then
/// read the preview through a name that resolves to 127.0.0.1 (DNS rebinding).
fn host_is_ours(request: &Request, address: SocketAddr) -> bool {
    let port = address.port();
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .is_some_and(|h| {
            let host = h.value.as_str();
            host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
        })
}

fn handle(request: Request, shared: &Shared, address: SocketAddr, first_year: Option<i32>) {
    let get = matches!(
        request.method(),
        tiny_http::Method::Get | tiny_http::Method::Head
    );
    let route = route(request.url()).filter(|_| get && host_is_ours(&request, address));
    let (_, years) = shared.now();
    let known = |y: &i32| years.contains(y);
    let response = match route {
        Some(Route::Events(y)) => {
            let shown = query_number(request.url(), "shown").unwrap_or(0);
            return events(request, shared, y, shown);
        }
        Some(Route::Root) => {
            let shown = first_year
                .filter(known)
                .or_else(|| years.last().copied())
                .or(first_year);
            match shown {
                Some(y) if known(&y) => redirect(&format!("/{y}/")),
                // Nothing loaded yet: a page that shows the problems and waits for the fix.
                _ => html(page::waiting(&Shown {
                    year: first_year.unwrap_or(0),
                    years: &years,
                    generation: shared.now().0,
                })),
            }
        }
        Some(Route::PageNoSlash(y)) if known(&y) => redirect(&format!("/{y}/")),
        Some(Route::Page(y)) if known(&y) => chapter_page(shared, y, &years),
        Some(Route::File(y, kind)) if known(&y) => file(shared, y, kind),
        _ => not_found(),
    };
    let _ = request.respond(response);
}

type Reply = Response<io::Cursor<Bytes>>;

/// Rendered bytes shared with the cache, as a response body without copying them.
struct Bytes(Arc<Vec<u8>>);

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

fn reply(status: u16, content_type: &str, body: Arc<Vec<u8>>) -> Reply {
    let len = body.len();
    Response::new(
        StatusCode(status),
        vec![
            header("Content-Type", content_type),
            // Always the data as it is now: never from the browser's cache.
            header("Cache-Control", "no-store"),
            header("X-Content-Type-Options", "nosniff"),
        ],
        io::Cursor::new(Bytes(body)),
        Some(len),
        None,
    )
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid ASCII header")
}

fn html(text: String) -> Reply {
    reply(200, "text/html; charset=utf-8", Arc::new(text.into_bytes()))
}

fn redirect(to: &str) -> Reply {
    reply(303, "text/plain; charset=utf-8", Arc::new(Vec::new()))
        .with_header(header("Location", to))
}

fn not_found() -> Reply {
    reply(
        404,
        "text/plain; charset=utf-8",
        Arc::new(b"404: report-gen serve has no such page. The chapter is at /\n".to_vec()),
    )
}

/// The chapter's page; after a failed rebuild the last good one (the event stream then shows
/// the problems over it), or the waiting page if there never was one.
fn chapter_page(shared: &Shared, year: i32, years: &[i32]) -> Reply {
    let (generation, _) = shared.now();
    let shown = Shown {
        year,
        years,
        generation,
    };
    let bytes = match shared.render(year, Kind::Html) {
        Ok(b) => Some(b),
        Err(_) => shared.last_good(year, Kind::Html),
    };
    match bytes {
        Some(b) => html(page::inject(&String::from_utf8_lossy(&b), &shown)),
        None => html(page::waiting(&shown)),
    }
}

/// The PDF or Markdown of `year` from the data as it is now, or why it cannot be made. Not the
/// last good one: a file opened after a save must be that save's, or say why not.
fn file(shared: &Shared, year: i32, kind: Kind) -> Reply {
    match shared.render(year, kind) {
        Ok(b) => reply(200, kind.content_type(), b),
        Err(problems) => {
            let mut text = format!(
                "The {} of {year} cannot be made from the data as it is now:\n\n",
                if kind == Kind::Pdf { "PDF" } else { "Markdown" }
            );
            for p in &problems.problems {
                text.push_str(&p.text);
                text.push('\n');
            }
            if problems.total > problems.problems.len() {
                text.push_str(&format!(
                    "… and {} more\n\n",
                    problems.total - problems.problems.len()
                ));
            }
            text.push_str("Fix the file, save, and reload this page (F5).\n");
            reply(
                500,
                "text/plain; charset=utf-8",
                Arc::new(text.into_bytes()),
            )
        }
    }
}

/// The event stream of a page showing `year`, whose chapter is of generation `shown`: its
/// state now, then one event after every reload, until the page is closed (a write fails).
/// `chapter` carries the new chapter's page (unless the page has it already), so that the page
/// need not ask for it: one message from save to screen.
fn events(request: Request, shared: &Shared, year: Option<i32>, mut shown: u64) {
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    if let Some(year) = year {
        shared.count_shown(year, true);
    }
    let mut seen = 0;
    loop {
        let generation = shared.wait_past(seen, KEEP_ALIVE);
        let message = if generation == seen {
            ": still here\n\n".to_string()
        } else {
            seen = generation;
            let rendered = match year {
                Some(year) => shared.render(year, Kind::Html).map(Some),
                // The page shown before any data loaded: it reloads itself once the data does.
                None => shared.load_problems().map_or(Ok(None), Err),
            };
            match rendered {
                Ok(Some(bytes)) if generation != shown => {
                    shown = generation;
                    let chapter = serde_json::json!({
                        "generation": generation,
                        "html": String::from_utf8_lossy(&bytes),
                    });
                    format!("event: chapter\ndata: {chapter}\n\n")
                }
                Ok(_) => format!("event: chapter\ndata: {{\"generation\":{generation}}}\n\n"),
                Err(p) => problems_event(&p),
            }
        };
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            break;
        }
    }
    if let Some(year) = year {
        shared.count_shown(year, false);
    }
}

fn problems_event(p: &Problems) -> String {
    format!(
        "event: problems\ndata: {}\n\n",
        serde_json::to_string(p).unwrap_or_else(|_| "{}".into())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_preview_routes_exist() {
        assert_eq!(route("/"), Some(Route::Root));
        assert_eq!(route("/2023/"), Some(Route::Page(2023)));
        assert_eq!(route("/2023/?x=1"), Some(Route::Page(2023)));
        assert_eq!(route("/2023"), Some(Route::PageNoSlash(2023)));
        assert_eq!(route("/2023.pdf"), Some(Route::File(2023, Kind::Pdf)));
        assert_eq!(route("/2023.md"), Some(Route::File(2023, Kind::Md)));
        assert_eq!(route("/events/2023"), Some(Route::Events(Some(2023))));
        assert_eq!(
            route("/events/2023?shown=4"),
            Some(Route::Events(Some(2023)))
        );
        assert_eq!(route("/events/any"), Some(Route::Events(None)));
        assert_eq!(query_number("/events/2023?shown=4", "shown"), Some(4));
        assert_eq!(query_number("/events/2023?x=1&shown=12", "shown"), Some(12));
        assert_eq!(query_number("/events/2023?shownx=1", "shown"), None);
        assert_eq!(query_number("/events/2023", "shown"), None);
        for bad in [
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/2023/../../etc/passwd",
            "/2023/x",
            "/2023.html",
            "/+202.pdf",
            "/events/../2023",
            "//etc/passwd",
            "/data/years/2023.yaml",
            "",
        ] {
            assert_eq!(route(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_port_in_use_names_the_flag() {
        let e = io::Error::from(io::ErrorKind::AddrInUse);
        let text = bind_error(8765, &e);
        assert!(text.contains("port 8765 is already in use"), "{text}");
        assert!(
            text.contains("`--port 8766`") && text.contains("`--port 0`"),
            "{text}"
        );
    }
}
