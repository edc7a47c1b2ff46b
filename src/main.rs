//! The `report-gen` command: parse arguments, run, print every error, exit with its code.
//!
//! The commands live in `cli/`, in this binary: the library (`src/lib.rs`) never prints, reads
//! flags or the environment, or chooses an exit code, and cannot import from here.

mod cli;

fn main() {
    std::process::exit(cli::main());
}
