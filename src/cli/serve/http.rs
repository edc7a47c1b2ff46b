//! The preview's HTTP side: the routes (nothing else exists), the pages, files and event
//! streams they answer with, all from [`Shared`] in memory.

use report_gen::tr;
use std::io::{self, Write};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tiny_http::{Header, Request, Response, StatusCode};

use super::page::{self, Shown};
use super::state::{Kind, Problems, Shared};

/// How often an idle event stream sends a comment, so that a closed page's thread ends.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// One route of the preview.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    Root,
    Page(i32),
    /// The PDF shown in a page that reloads it after each save.
    PdfPage(i32),
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
    if let Some(y) = rest.strip_suffix("/pdf/") {
        return year(y).map(Route::PdfPage);
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

/// The value of `name=…` in the query of `url`.
fn query_value<'a>(url: &'a str, name: &str) -> Option<&'a str> {
    let (_, query) = url.split_once('?')?;
    query
        .split('&')
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
}

/// The number `name=N` in the query of `url`.
fn query_number(url: &str, name: &str) -> Option<u64> {
    query_value(url, name)?.parse().ok()
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

pub(super) fn handle(
    request: Request,
    shared: &Shared,
    address: SocketAddr,
    first_year: Option<i32>,
) {
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
            let kind = match query_value(request.url(), "kind") {
                Some("pdf") => Kind::Pdf,
                _ => Kind::Html,
            };
            return events(request, shared, y, kind, shown);
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
                    kind: Kind::Html,
                })),
            }
        }
        Some(Route::PageNoSlash(y)) if known(&y) => redirect(&format!("/{y}/")),
        Some(Route::Page(y)) if known(&y) => chapter_page(shared, y, &years),
        Some(Route::PdfPage(y)) if known(&y) => html(page::pdf_view(&Shown {
            year: y,
            years: &years,
            generation: shared.now().0,
            kind: Kind::Pdf,
        })),
        Some(Route::File(y, kind)) if known(&y) => {
            // The PDF view asks with `?g=N`: it shows the last good PDF under the overlay.
            let view = query_value(request.url(), "g").is_some();
            file(shared, y, kind, view)
        }
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
        Arc::new(format!("404: {}\n", tr!("serve-404")).into_bytes()),
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
        kind: Kind::Html,
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

/// The PDF or Markdown of `year` from the data as it is now, or why it cannot be made. The last
/// good one only for the PDF view (`view`), which shows the problems over it: a file opened
/// after a save must be that save's, or say why not.
fn file(shared: &Shared, year: i32, kind: Kind, view: bool) -> Reply {
    let rendered = shared.render(year, kind);
    if let (Err(_), true, Some(good)) = (&rendered, view, shared.last_good(year, kind)) {
        return reply(200, kind.content_type(), good);
    }
    match rendered {
        Ok(b) => reply(200, kind.content_type(), b),
        Err(problems) => {
            let what = if kind == Kind::Pdf { "pdf" } else { "md" };
            let mut text = format!("{}\n\n", tr!("serve-file-failed", kind = what, year = year));
            for p in &problems.problems {
                text.push_str(&p.text);
                text.push('\n');
            }
            if problems.total > problems.problems.len() {
                text.push_str(&format!(
                    "{}\n\n",
                    tr!(
                        "serve-and-more",
                        count = problems.total - problems.problems.len()
                    )
                ));
            }
            text.push_str(&tr!("serve-fix-and-reload"));
            text.push('\n');
            reply(
                500,
                "text/plain; charset=utf-8",
                Arc::new(text.into_bytes()),
            )
        }
    }
}

/// The event stream of a page showing `year` in `kind` (the chapter's page or the PDF view),
/// whose content is of generation `shown`: its state now, then one event after every reload,
/// until the page is closed (a write fails). For the chapter's page `chapter` carries the new
/// page (unless it has it already), so that the page need not ask for it: one message from save
/// to screen; the PDF view then reloads the PDF.
fn events(request: Request, shared: &Shared, year: Option<i32>, kind: Kind, mut shown: u64) {
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
        shared.count_shown(year, kind, true);
    }
    let mut seen = 0;
    loop {
        let generation = shared.wait_past(seen, KEEP_ALIVE);
        let message = if generation == seen {
            ": still here\n\n".to_string()
        } else {
            seen = generation;
            let rendered = match year {
                Some(year) => shared.render(year, kind).map(Some),
                // The page shown before any data loaded: it reloads itself once the data does.
                None => shared.load_problems().map_or(Ok(None), Err),
            };
            match rendered {
                Ok(Some(bytes)) if kind == Kind::Html && generation != shown => {
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
        shared.count_shown(year, kind, false);
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
        assert_eq!(route("/2023/pdf/"), Some(Route::PdfPage(2023)));
        assert_eq!(route("/2023.pdf?g=3"), Some(Route::File(2023, Kind::Pdf)));
        assert_eq!(
            query_value("/events/2023?shown=1&kind=pdf", "kind"),
            Some("pdf")
        );
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
            "/2023/pdf",
            "/2023/md/",
            "/../pdf/",
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
}
