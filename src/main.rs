//! The `report-gen` command: parse arguments, run, print every error, exit with its code.
//!
//! The commands live in `cli/`, in this binary: the library (`src/lib.rs`) never prints, reads
//! flags or the environment, or chooses an exit code, and cannot import from here.

mod cli;

/// The system allocator, bounding the memory a template render may take (see
/// `report_gen::limits::MAX_TEMPLATE_MEMORY`).
#[global_allocator]
static ALLOCATOR: report_gen::limits::MemoryBudget = report_gen::limits::MemoryBudget;

fn main() {
    std::process::exit(cli::main());
}
