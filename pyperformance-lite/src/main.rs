//! `pyperformance-lite`: runs the benchmark programs in `benchmarks/` under Pyrite (JIT on and
//! off), `python3` and `pypy3`, interleaved in one run, and prints median ± MAD per interpreter,
//! the ratio to `python3`, an output-equality check and geometric means.
//!
//! Each benchmark is a standalone script that does a fixed amount of work and prints a
//! checksum; a run is one process, timed from spawn to exit (so start-up, warm-up and JIT
//! compilation are included: the "whole process" figure). Rounds are interleaved — every
//! interpreter runs every benchmark once per round — so machine noise spreads evenly.

mod interpreters;
mod process;
mod progress;
mod pyperf_json;
mod report;
mod results;
mod stats;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{Arg, ArgAction, Command, value_parser};

use interpreters::{Interpreter, Locations};
use progress::Progress;
use results::{Cell, Verdict};

fn cli() -> Command {
    Command::new("pyperformance-lite")
        .about("Compare Pyrite with CPython and PyPy on CPU-heavy benchmark programs")
        .arg(
            Arg::new("benchmarks")
                .short('b')
                .long("benchmarks")
                .value_name("NAME,...")
                .help("Run only these benchmarks (comma-separated)"),
        )
        .arg(
            Arg::new("fast")
                .long("fast")
                .action(ArgAction::SetTrue)
                .help("Run each benchmark once per interpreter and check outputs only"),
        )
        .arg(
            Arg::new("scale")
                .long("scale")
                .value_name("PERCENT")
                .value_parser(value_parser!(u32).range(1..=100))
                .default_value("100")
                .help("Problem size as a percentage of the full size (outputs change with it)"),
        )
        .arg(
            Arg::new("warmups")
                .short('w')
                .long("warmups")
                .value_parser(value_parser!(usize))
                .default_value("1")
                .help("Discarded runs per benchmark and interpreter"),
        )
        .arg(
            Arg::new("repetitions")
                .short('n')
                .long("repetitions")
                .value_parser(value_parser!(usize))
                .default_value("5")
                .help("Measured runs per benchmark and interpreter"),
        )
        .arg(
            Arg::new("timeout")
                .long("timeout")
                .value_parser(value_parser!(u64))
                .default_value("300")
                .help("Seconds before a run is killed and reported as hanging"),
        )
        .arg(
            Arg::new("pyrite")
                .long("pyrite")
                .value_parser(value_parser!(PathBuf))
                .help("The pyrite binary (default: the one built beside this runner)"),
        )
        .arg(
            Arg::new("pyrite-arg")
                .long("pyrite-arg")
                .action(ArgAction::Append)
                .allow_hyphen_values(true)
                .help("An argument for Pyrite before the script, e.g. --pyrite-arg=-Xjit-threshold=1 (repeatable)"),
        )
        .arg(
            Arg::new("python")
                .long("python")
                .default_value("python3")
                .help("The reference CPython"),
        )
        .arg(
            Arg::new("pypy")
                .long("pypy")
                .default_value("pypy3")
                .help("PyPy, used when it is installed"),
        )
        .arg(
            Arg::new("no-pypy")
                .long("no-pypy")
                .action(ArgAction::SetTrue)
                .help("Leave PyPy out even if it is installed"),
        )
        .arg(
            Arg::new("output")
                .short('o')
                .long("output")
                .value_parser(value_parser!(PathBuf))
                .value_name("DIR")
                .help("Write <DIR>/<interpreter>.json in pyperf's format"),
        )
        .arg(
            Arg::new("list")
                .long("list")
                .action(ArgAction::SetTrue)
                .help("List the benchmarks and exit"),
        )
        .arg(
            Arg::new("dir")
                .long("benchmark-dir")
                .value_parser(value_parser!(PathBuf))
                .help("Directory of benchmark scripts (default: the suite's own)"),
        )
}

fn main() -> ExitCode {
    let matches = cli().get_matches();
    let dir = matches
        .get_one::<PathBuf>("dir")
        .cloned()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("benchmarks"));
    let all = match discover_benchmarks(&dir) {
        Ok(all) => all,
        Err(e) => {
            eprintln!("pyperformance-lite: {e}");
            return ExitCode::from(2);
        }
    };
    if matches.get_flag("list") {
        for name in &all {
            println!("{name}");
        }
        return ExitCode::SUCCESS;
    }
    let benchmarks = match matches.get_one::<String>("benchmarks") {
        None => all,
        Some(list) => {
            let wanted: Vec<String> = list.split(',').map(|s| s.trim().to_string()).collect();
            if let Some(unknown) = wanted.iter().find(|w| !all.contains(w)) {
                eprintln!("pyperformance-lite: unknown benchmark {unknown:?} (see --list)");
                return ExitCode::from(2);
            }
            wanted
        }
    };

    let pypy = matches
        .get_one::<String>("pypy")
        .cloned()
        .unwrap_or_default();
    let locations = Locations {
        python: matches
            .get_one::<String>("python")
            .cloned()
            .unwrap_or_default(),
        pyrite: matches.get_one::<PathBuf>("pyrite").cloned(),
        pyrite_args: matches
            .get_many::<String>("pyrite-arg")
            .map(|args| args.cloned().collect())
            .unwrap_or_default(),
        pypy: (!matches.get_flag("no-pypy") && interpreters::on_path(&pypy)).then_some(pypy),
    };
    let interps = match interpreters::discover(&locations) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("pyperformance-lite: {e}");
            return ExitCode::from(2);
        }
    };

    let fast = matches.get_flag("fast");
    let (warmups, repetitions) = if fast {
        (0, 1)
    } else {
        (
            matches.get_one::<usize>("warmups").copied().unwrap_or(1),
            matches
                .get_one::<usize>("repetitions")
                .copied()
                .unwrap_or(5)
                .max(1),
        )
    };
    let scale = matches.get_one::<u32>("scale").copied().unwrap_or(100);
    let timeout = Duration::from_secs(matches.get_one::<u64>("timeout").copied().unwrap_or(300));

    let names: Vec<String> = interps
        .iter()
        .map(|i| format!("{} {}", i.name, i.version))
        .collect();
    let at_scale = if scale == 100 {
        String::new()
    } else {
        format!(", at {scale}% of the full size")
    };
    println!(
        "{} benchmarks × {} ({}), {warmups} warm-up + {repetitions} measured run(s) each, interleaved{at_scale}",
        benchmarks.len(),
        interps.len(),
        names.join(", "),
    );
    let rounds = Rounds {
        warmups,
        repetitions,
        scale,
        timeout,
    };
    let cells = measure(&dir, &benchmarks, &interps, &rounds);

    println!("{}", report::table(&benchmarks, &interps, &cells));
    let failures = report::failures(&benchmarks, &interps, &cells);
    for line in &failures {
        println!("FAILED: {line}");
    }

    if let Some(out) = matches.get_one::<PathBuf>("output")
        && let Err(e) = write_json(out, &benchmarks, &interps, &cells)
    {
        eprintln!(
            "pyperformance-lite: cannot write JSON to {}: {e}",
            out.display()
        );
        return ExitCode::from(2);
    }

    // The exit status tells CI whether every interpreter ran every benchmark to the right
    // checksum; timings never fail a run.
    let all_same = (0..benchmarks.len()).all(|b| {
        (1..interps.len()).all(|i| results::verdict(&cells[b][0], &cells[b][i]) == Verdict::Same)
    });
    if failures.is_empty() && all_same {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The `*.py` files of `dir`, sorted, without their extension.
fn discover_benchmarks(dir: &Path) -> Result<Vec<String>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let path = entry.path();
            let is_script = path.extension().is_some_and(|ext| ext == "py");
            let name = path.file_stem()?.to_str()?.to_string();
            // `_helpers.py`-style files are shared code, not benchmarks.
            (is_script && !name.starts_with('_')).then_some(name)
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(format!("no benchmarks in {}", dir.display()));
    }
    Ok(names)
}

/// How each benchmark is run: discarded and measured rounds, problem size, time limit.
struct Rounds {
    warmups: usize,
    repetitions: usize,
    /// Passed to every script as its first argument (see `benchmarks/_scale.py`).
    scale: u32,
    timeout: Duration,
}

/// Runs the rounds: each round runs every benchmark under every interpreter once.
fn measure(
    dir: &Path,
    benchmarks: &[String],
    interps: &[Interpreter],
    plan: &Rounds,
) -> Vec<Vec<Cell>> {
    let mut cells = vec![vec![Cell::default(); interps.len()]; benchmarks.len()];
    let (warmups, timeout) = (plan.warmups, plan.timeout);
    let rounds = warmups + plan.repetitions;
    let scale = plan.scale.to_string();
    let mut progress = Progress::new(rounds * benchmarks.len() * interps.len());
    for round in 0..rounds {
        for (b, name) in benchmarks.iter().enumerate() {
            let script = dir.join(format!("{name}.py"));
            for (i, interp) in interps.iter().enumerate() {
                if !cells[b][i].failed() {
                    progress.show(&format!("{name} · {} · round {}", interp.name, round + 1));
                    let outcome = process::run(&interp.command, &script, &scale, timeout);
                    cells[b][i].record(outcome, round < warmups);
                }
                progress.advance();
            }
        }
    }
    progress.finish();
    cells
}

fn write_json(
    out: &Path,
    benchmarks: &[String],
    interps: &[Interpreter],
    cells: &[Vec<Cell>],
) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for (i, interp) in interps.iter().enumerate() {
        let suite = pyperf_json::suite(benchmarks, interp, i, cells);
        let path = out.join(format!("{}.json", interp.name));
        std::fs::write(&path, serde_json::to_string_pretty(&suite)?)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
