//! The `report-gen` command: parse arguments, run, print every error, exit with its code.

fn main() {
    std::process::exit(report_gen::cli::main());
}
