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
//! | `/2023/pdf/` | the PDF in the page, with the same bar and overlay, reloaded after a save |
//! | `/2023.pdf`, `/2023.md` | the PDF and the Markdown, rendered from the data as it is now |
//! | `/events/2023` | the event stream of a page: `chapter` (new content) or `problems` |
//! | `/events/any` | the event stream of the page shown while no data set has loaded |
//!
//! The server is `tiny_http`: synchronous, no async runtime; each request gets a thread, which
//! for an event stream lives as long as the page is open. One user, a few pages: threads are
//! the simplest thing that is fast enough.

mod http;
mod page;
mod state;

use report_gen::tr;
use std::io;
use std::net::{Ipv4Addr, TcpListener};
use std::path::PathBuf;
use std::thread;
use std::time::Instant;

use super::changes::Changes;
use super::report::{eoutln, outln, print_rendered, EXIT_OK, EXIT_PROBLEM};
use state::{Kind, Problems, Rendered, Shared};

/// The port when `--port` is not given.
pub(super) const DEFAULT_PORT: u16 = 8765;

/// Options of `report-gen serve`.
#[derive(clap::Args, Debug)]
pub(super) struct ServeArgs {
    #[command(flatten)]
    year: super::OptionalYear,
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
            eoutln!("{}", bind_error(args.port, &e));
            return EXIT_PROBLEM;
        }
    };
    let listener = without_nagle(listener);
    let address = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eoutln!(
                "{}: {}",
                tr!("diag-error"),
                tr!("serve-no-address", cause = e.to_string())
            );
            return EXIT_PROBLEM;
        }
    };
    let mut folders = vec![args.data.clone()];
    folders.extend(args.templates.clone());
    // Watching starts before the first load, so that a save during it is not missed.
    let changes = match Changes::start(&folders, None) {
        Ok(c) => c,
        Err(e) => {
            eoutln!("{}: {e}", tr!("diag-error"));
            return EXIT_PROBLEM;
        }
    };
    let shared = Shared::new(args.data.clone(), args.templates.clone(), epoch);
    let start = Instant::now();
    let (problems, _) = shared.reload();
    match problems {
        None => outln!(
            "{}",
            tr!("serve-loaded", ms = start.elapsed().as_millis() as u64)
        ),
        Some(p) => {
            print_problems(&p);
            eoutln!(
                "{}",
                tr!(
                    "serve-not-yet",
                    problems = tr!("count-problems", count = p.total)
                )
            );
        }
    }
    if let Some(asked) = args.year.get() {
        let (_, years) = shared.now();
        if let (Some(latest), false) = (years.last(), years.contains(&asked)) {
            let list: Vec<String> = years.iter().map(i32::to_string).collect();
            eoutln!(
                "{}: {}",
                tr!("diag-warning"),
                tr!(
                    "serve-no-such-year",
                    year = asked,
                    years = list.join(", "),
                    latest = *latest
                )
            );
        }
    }
    let server = match tiny_http::Server::from_listener(listener, None) {
        Ok(s) => s,
        Err(e) => {
            eoutln!(
                "{}: {}",
                tr!("diag-error"),
                tr!("serve-no-server", cause = e.to_string())
            );
            return EXIT_PROBLEM;
        }
    };
    let first_year = args.year.get();
    {
        let shared = shared.clone();
        thread::spawn(move || {
            for request in server.incoming_requests() {
                let shared = shared.clone();
                thread::spawn(move || http::handle(request, &shared, address, first_year));
            }
        });
    }
    let url = format!("http://{address}/");
    outln!(
        "{}",
        tr!("serve-serving", url = url, folders = changes.folders_text())
    );
    if args.open {
        open_browser(&url);
    }
    while let Some(changed) = changes.next() {
        outln!("{}", tr!("serve-changed", files = changes.names(&changed)));
        let start = Instant::now();
        match shared.reload() {
            (Some(p), _) => report_problems(&p),
            (None, renders) if renders.is_empty() => outln!(
                "{}",
                tr!("serve-reloaded", ms = start.elapsed().as_millis() as u64)
            ),
            (None, renders) => {
                for (year, kind, rendered) in renders {
                    report_render(year, kind, &rendered, start);
                }
            }
        }
    }
    outln!("stopped");
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
    let (message, help) = match e.kind() {
        io::ErrorKind::AddrInUse => (
            tr!("serve-port-in-use", port = port),
            tr!("serve-port-in-use-help", next = next),
        ),
        io::ErrorKind::PermissionDenied => (
            tr!("serve-port-denied", port = port, cause = e.to_string()),
            tr!("serve-port-denied-help", next = DEFAULT_PORT),
        ),
        _ => (
            tr!("serve-port-other", port = port, cause = e.to_string()),
            tr!("serve-port-other-help", next = next),
        ),
    };
    format!(
        "{}: {message}\n  = {}: {help}",
        tr!("diag-error"),
        tr!("diag-help")
    )
}

/// Prints why the data or templates could not be loaded.
fn report_problems(p: &Problems) {
    print_problems(p);
    eoutln!(
        "{}",
        tr!(
            "serve-not-rebuilt",
            problems = tr!("count-problems", count = p.total)
        )
    );
}

/// Prints the outcome of rendering an open page's year after a change.
fn report_render(year: i32, kind: Kind, rendered: &Rendered, start: Instant) {
    let pdf = if kind == Kind::Pdf { "pdf" } else { "page" };
    match rendered {
        Ok(_) => outln!(
            "{}",
            tr!(
                "serve-rebuilt",
                kind = pdf,
                year = year,
                ms = start.elapsed().as_millis() as u64
            )
        ),
        Err(p) => {
            print_problems(p);
            eoutln!("{}", tr!("serve-render-failed", kind = pdf, year = year));
        }
    }
}

fn print_problems(p: &Problems) {
    for problem in &p.problems {
        print_rendered(&problem.text);
    }
    if p.total > p.problems.len() {
        eoutln!(
            "{}",
            tr!("serve-and-more", count = p.total - p.problems.len())
        );
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
                    eoutln!(
                        "{}: {}",
                        tr!("diag-warning"),
                        tr!("serve-no-browser", url = url)
                    );
                }
            });
        }
        Err(e) => eoutln!(
            "{}: {}",
            tr!("diag-warning"),
            tr!("serve-no-browser-cause", url = url, cause = e.to_string())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
