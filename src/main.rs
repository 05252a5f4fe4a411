//! The `pyrite` command: CPython's command-line grammar (`-c`, `-m`, a script, `-` for
//! stdin, bundled short options, `-X` options) plus Pyrite's own `--dis`.

use std::process::ExitCode;

use pyrite::{Config, Outcome, Vm};

/// The usage line, with the program path first as CPython prints it.
fn usage() -> String {
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "pyrite".into());
    format!("usage: {exe} [option] ... [-c cmd | -m mod | file | -] [arg] ...")
}

/// What the command line asks for.
enum Action {
    Script(String),
    Command(String),
    Module(String),
    Stdin,
    Dis(String),
    Version,
    Help,
    JitHelp,
}

struct Cli {
    action: Action,
    config: Config,
}

fn parse_args(args: &[String]) -> Result<Cli, String> {
    let mut config = Config::default();
    let mut i = 0;
    let mut action = None;
    while i < args.len() {
        let arg = &args[i];
        if arg == "--dis" {
            let file = args
                .get(i + 1)
                .ok_or("Argument expected for the --dis option")?;
            action = Some(Action::Dis(file.clone()));
            config.argv = args[i + 1..].to_vec();
            break;
        }
        if arg == "--version" {
            action = Some(Action::Version);
            break;
        }
        if arg == "--help" || arg == "-h" {
            action = Some(Action::Help);
            break;
        }
        if arg == "-" {
            action = Some(Action::Stdin);
            config.argv = args[i..].to_vec();
            break;
        }
        // Pyrite's JIT switches (DESIGN §6.8).
        if arg == "--jit" || arg == "--jit=help" {
            if arg == "--jit=help" || args.get(i + 1).map(String::as_str) == Some("help") {
                action = Some(Action::JitHelp);
                break;
            }
            return Err("--jit expects =on, =off or help".into());
        }
        if let Some(mode) = arg.strip_prefix("--jit=") {
            config.jit.enabled = match mode {
                "on" => true,
                "off" => false,
                _ => return Err(format!("--jit expects on or off, got {mode:?}")),
            };
            i += 1;
            continue;
        }
        if arg == "--jit-log" || arg.starts_with("--jit-log=") {
            config.jit_log = Some(arg.strip_prefix("--jit-log=").unwrap_or("-").to_string());
            i += 1;
            continue;
        }
        if arg == "--dump-ir" || arg == "--dump-asm" {
            if arg == "--dump-ir" {
                config.dump_ir = true;
            } else {
                config.dump_asm = true;
            }
            i += 1;
            continue;
        }
        if arg.starts_with("--") {
            return Err(format!("unknown option {arg}"));
        }
        if !arg.starts_with('-') {
            action = Some(Action::Script(arg.clone()));
            config.argv = args[i..].to_vec();
            break;
        }
        // Bundled short options: -uO, -c cmd, -ccmd, -X opt, -Xopt.
        let flags: Vec<char> = arg[1..].chars().collect();
        let mut j = 0;
        let mut consumed_next = false;
        while j < flags.len() {
            let c = flags[j];
            match c {
                'c' | 'm' | 'X' | 'W' => {
                    let rest: String = flags[j + 1..].iter().collect();
                    let value = if !rest.is_empty() {
                        rest
                    } else {
                        consumed_next = true;
                        args.get(i + 1)
                            .cloned()
                            .ok_or_else(|| format!("Argument expected for the -{c} option"))?
                    };
                    match c {
                        'c' => {
                            action = Some(Action::Command(value));
                            config.argv = std::iter::once("-c".to_string())
                                .chain(args[i + 1 + usize::from(consumed_next)..].iter().cloned())
                                .collect();
                        }
                        'm' => {
                            action = Some(Action::Module(value.clone()));
                            config.argv = std::iter::once(value)
                                .chain(args[i + 1 + usize::from(consumed_next)..].iter().cloned())
                                .collect();
                        }
                        'X' => {
                            config.jit.apply_x_option(&value)?;
                            config.x_options.push(value);
                        }
                        _ => {}
                    }
                    break;
                }
                'u' => config.unbuffered = true,
                'O' => config.optimize += 1,
                'V' => action = Some(Action::Version),
                'B' | 'E' | 'I' | 's' | 'S' | 'q' | 'b' | 'd' | 'v' | 'x' | 'P' | 'R' | 'i' => {}
                other => return Err(format!("Unknown option: -{other}")),
            }
            j += 1;
        }
        if matches!(
            action,
            Some(Action::Command(_) | Action::Module(_) | Action::Version)
        ) {
            break;
        }
        i += 1 + usize::from(consumed_next);
    }
    Ok(Cli {
        action: action.unwrap_or(Action::Stdin),
        config,
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut cli = match parse_args(&args) {
        Ok(cli) => cli,
        Err(msg) => {
            eprintln!("{msg}");
            eprintln!("{}", usage());
            eprintln!("Try `pyrite -h' for more information.");
            return ExitCode::from(2);
        }
    };
    apply_environment(&mut cli.config);
    // A panic is a Pyrite bug: report it as a fatal error, without a Rust backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("Fatal Python error: Pyrite internal error: {info}");
    }));
    match pyrite::with_big_stack(move || run(cli)) {
        Ok(code) => code,
        Err(_) => {
            eprintln!("Fatal Python error: the interpreter thread failed");
            ExitCode::from(1)
        }
    }
}

/// Environment variables CPython honours.
fn apply_environment(config: &mut Config) {
    if std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
        config.unbuffered = true;
    }
    config.hash_seed = match std::env::var("PYTHONHASHSEED") {
        Ok(v) if v != "random" => v.parse().ok(),
        _ => None,
    };
    if let Ok(paths) = std::env::var("PYTHONPATH") {
        config.module_search_paths.extend(
            paths
                .split(':')
                .filter(|p| !p.is_empty())
                // CPython's site module makes the entries absolute.
                .map(|p| {
                    std::path::absolute(p)
                        .map(|a| a.display().to_string())
                        .unwrap_or_else(|_| p.to_string())
                }),
        );
    }
    if let Ok(v) = std::env::var("PYTHONINTMAXSTRDIGITS")
        && let Ok(n) = v.parse()
    {
        config.int_max_str_digits = n;
    }
    for opt in &config.x_options {
        if let Some(v) = opt.strip_prefix("int_max_str_digits=")
            && let Ok(n) = v.parse()
        {
            config.int_max_str_digits = n;
        }
    }
}

fn run(cli: Cli) -> ExitCode {
    let mut config = cli.config;
    let outcome = match cli.action {
        Action::Version => {
            println!("Python 3.14.0 (Pyrite {})", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Action::Help => {
            println!("{}", usage());
            println!("Options: -c cmd, -m mod, file, - (stdin), -u, -O, -X opt, -V, --dis file");
            return ExitCode::SUCCESS;
        }
        Action::JitHelp => {
            print!("{}", pyrite_profiler::JitParams::help_text());
            return ExitCode::SUCCESS;
        }
        Action::Dis(file) => return dis_file(&file),
        Action::Script(path) => {
            let source = match std::fs::read(&path) {
                Ok(s) => s,
                Err(e) => {
                    let exe = std::env::current_exe()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default();
                    let abs = std::path::absolute(&path)
                        .map(|p| p.display().to_string())
                        .unwrap_or(path.clone());
                    eprintln!(
                        "{exe}: can't open file '{abs}': [Errno {}] {}",
                        e.raw_os_error().unwrap_or(2),
                        describe(&e)
                    );
                    return ExitCode::from(2);
                }
            };
            let abs = std::path::absolute(&path)
                .map(|p| p.display().to_string())
                .unwrap_or(path.clone());
            let dir = std::path::Path::new(&abs)
                .parent()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            config.module_search_paths.insert(0, dir);
            let mut vm = new_vm(config);
            vm.run_main_file(&abs, &source)
        }
        Action::Command(cmd) => {
            config.module_search_paths.insert(0, String::new());
            let mut vm = new_vm(config);
            vm.run_main_text(&cmd, "<string>")
        }
        Action::Stdin => {
            use std::io::Read;
            let mut source = String::new();
            let _ = std::io::stdin().read_to_string(&mut source);
            config.module_search_paths.insert(0, String::new());
            if config.argv.is_empty() || config.argv == [String::new()] {
                config.argv = vec![String::new()];
            }
            let mut vm = new_vm(config);
            vm.run_main_text(&source, "<stdin>")
        }
        Action::Module(name) => {
            config.module_search_paths.insert(
                0,
                std::env::current_dir()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            );
            let mut vm = new_vm(config);
            vm.run_module_as_main(&name)
        }
    };
    match outcome {
        Outcome::Exit(code) => ExitCode::from((code & 0xFF) as u8),
        Outcome::Interrupted => {
            // Like CPython: die of SIGINT so the parent sees the signal (status 130).
            let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
            ExitCode::from(130)
        }
    }
}

/// Creates the interpreter and routes Ctrl-C to its eval breaker.
fn new_vm(config: Config) -> Vm {
    let vm = Vm::new(config);
    // Without a handler, SIGINT keeps its default action (terminate), which is still correct.
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, vm.interrupt.clone());
    vm
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn dis_file(path: &str) -> ExitCode {
    let source = match std::fs::read(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("pyrite: can't open file '{path}': {}", describe(&e));
            return ExitCode::from(2);
        }
    };
    match pyrite_vm::compiler::compile_source(
        &source,
        path,
        pyrite_vm::compiler::CompileMode::Exec,
        0,
    ) {
        Ok(code) => {
            print!("{}", pyrite_vm::bytecode::dis::disassemble(&code));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprint!("{}", e.render());
            ExitCode::from(1)
        }
    }
}
