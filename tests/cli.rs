//! Command-line behaviour against CPython 3.13's: exit statuses, `sys.argv`, `-c`, stdin,
//! `-X int_max_str_digits`, bad options and missing scripts. Expected values were taken
//! from `PYENV_VERSION=3.13.0 python3` runs (the program path in messages differs).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn pyrite(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyrite starts");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin written");
    }
    child.wait_with_output().expect("pyrite finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn command_sees_its_arguments() {
    // python3 -c 'import sys; print(sys.argv)' a b
    let out = pyrite(&["-c", "import sys; print(sys.argv)", "a", "b"], "");
    assert_eq!(text(&out.stdout), "['-c', 'a', 'b']\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn system_exit_sets_the_status() {
    // python3 -c 'raise SystemExit(3)'; python3 -c 'import sys; sys.exit("bye")'
    assert_eq!(
        pyrite(&["-c", "raise SystemExit(3)"], "").status.code(),
        Some(3)
    );
    let out = pyrite(&["-c", "import sys; sys.exit('bye')"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stderr), "bye\n");
}

#[test]
fn program_from_stdin() {
    // echo 'print(6*7)' | python3 -
    for args in [&["-"][..], &[][..]] {
        let out = pyrite(args, "print(6*7)\n");
        assert_eq!(text(&out.stdout), "42\n");
    }
}

#[test]
fn uncaught_exception_prints_traceback_and_exits_1() {
    // python3 -c '1/0'
    let out = pyrite(&["-c", "1/0"], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n"
    );
}

#[test]
fn int_max_str_digits_option() {
    // python3 -X int_max_str_digits=700 -c 'print(len(str(10**699)))'
    let out = pyrite(
        &[
            "-X",
            "int_max_str_digits=700",
            "-c",
            "print(len(str(10**699)))",
        ],
        "",
    );
    assert_eq!(text(&out.stdout), "700\n");
}

#[test]
fn bad_options_and_missing_scripts_exit_2() {
    // python3 --bogus; python3 -Z; python3 /tmp/nonexist.py
    let out = pyrite(&["--bogus"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("unknown option --bogus\nusage: "));
    let out = pyrite(&["-Z"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("Unknown option: -Z\nusage: "));
    let out = pyrite(&["/nonexistent/dir/missing.py"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).ends_with(
        ": can't open file '/nonexistent/dir/missing.py': [Errno 2] No such file or directory\n"
    ));
}

#[test]
fn version_flag() {
    let out = pyrite(&["-V"], "");
    assert!(text(&out.stdout).starts_with("Python 3.14"));
    assert_eq!(out.status.code(), Some(0));
}

// ---- Pyrite's JIT switches (no CPython counterpart) ----

#[test]
fn jit_help_lists_every_tunable() {
    let out = pyrite(&["--jit", "help"], "");
    let help = text(&out.stdout);
    for name in [
        "threshold",
        "hot-exit",
        "max-trace-length",
        "fail-guard-every",
    ] {
        assert!(help.contains(name), "{name} missing from:\n{help}");
    }
    assert!(help.contains("1009"), "{help}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn bad_jit_option_is_reported() {
    let out = pyrite(&["-X", "jit-bogus=3", "-c", "pass"], "");
    assert!(
        text(&out.stderr).contains("jit-bogus"),
        "{}",
        text(&out.stderr)
    );
    assert_ne!(out.status.code(), Some(0));
}

#[test]
fn jit_log_reports_compiled_traces_aborts_and_exits() {
    let program = "t = 0\nfor i in range(3000):\n    t += i * 2\nprint(t)\nfor i in range(3000):\n    print(end='')\n";
    let out = pyrite(&["--jit-log", "-X", "jit-threshold=5", "-c", program], "");
    let log = text(&out.stderr);
    assert_eq!(text(&out.stdout), "8997000\n");
    assert!(log.contains("trace#1 loop@<string>:2 compiled"), "{log}");
    assert!(log.contains("exit"), "{log}");
    assert!(
        log.contains("abort loop@<string>:5 at <string>:6: NYI"),
        "{log}"
    );
}

#[test]
fn jit_log_reports_a_loop_call_into_an_untraced_loop_given_up() {
    // The inner loop at line 15 loses its tree (its exit's side trace keeps aborting on
    // big ints) and is blacklisted; the outer loop's tree at line 12 then keeps calling
    // an inner loop without a tree, and is dropped for it (not the inner tree's drop
    // mistaken for the outer's).
    let program = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/jit/loop_call_untraced.py"
    );
    let out = pyrite(
        &[
            "--jit-log",
            "-X",
            "jit-given-up-exits=30",
            "-X",
            "jit-max-aborts=2",
            program,
        ],
        "",
    );
    let log = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{log}");
    assert!(
        log.contains("loop_call_untraced.py:15: an exit without a side trace keeps returning to the interpreter"),
        "{log}"
    );
    assert!(log.contains("calls an inner loop without a tree"), "{log}");
    assert!(
        log.contains("loop_call_untraced.py:12: a loop call's inner loop has no tree"),
        "{log}"
    );
}

#[test]
fn jit_off_and_on_give_the_same_output() {
    let program = "x = 0.0\nfor i in range(5000):\n    x = x * 0.5 + i\nprint(x)\n";
    let on = pyrite(&["-X", "jit-threshold=1", "-c", program], "");
    let off = pyrite(&["--jit=off", "-c", program], "");
    assert_eq!(text(&on.stdout), text(&off.stdout));
    assert_eq!(text(&on.stdout), "9996.0\n");
}

#[test]
fn ctrl_c_interrupts_a_jit_loop() {
    // CPython 3.13 on SIGINT during this loop: the traceback below on stderr, then it dies
    // of SIGINT. The loop's body stores nothing to memory, so only a poll that really
    // re-reads the interrupt flag every iteration can see the signal.
    use std::io::{BufRead, BufReader};
    use std::os::unix::process::ExitStatusExt;
    let program = "i = 0\nn = 0\nwhile True:\n    i += 1\n    if i == 200000:\n        print('ready', flush=True)\n    n = (n + i) & 0xffff\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrite"))
        .args(["-X", "jit-threshold=1", "-c", program])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyrite starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout piped"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("first line read");
    assert_eq!(line, "ready\n");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait works") {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("the JIT loop did not stop on SIGINT");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr piped"), &mut err)
        .expect("stderr read");
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"<string>\", line 3, in <module>\n    while True:\n          ^^^^\nKeyboardInterrupt\n"
    );
    assert_eq!(status.signal(), Some(2));
}
