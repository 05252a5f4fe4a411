#!/usr/bin/env python3
# Records the expected stdout/stderr/exit status of every corpus program with CPython 3.13.
"""Record expected results for the Pyrite differential test corpus.

Usage:
    python3 tests/record.py                 # re-record every tests/corpus/**/*.py
    python3 tests/record.py PATH [PATH...]  # re-record only these programs (or directories)

Every program is run as ``python3 /abs/path/to/prog.py`` with PYENV_VERSION=3.13.0,
cwd = the program's directory, PYTHONHASHSEED=0, PYTHONUNBUFFERED=1,
PYTHONDONTWRITEBYTECODE=1, LC_ALL=C.UTF-8, no other PYTHON* variables (plus the
``KEY=VALUE`` lines of ``prog.env``; ``prog.argv`` lines replace the program path as the
interpreter's arguments), stdin from
``prog.stdin`` if it exists (else /dev/null), and a 60 s timeout.  The result is written to
``prog.expected`` (see tests/README.md for the format).  The absolute path of the corpus
directory is replaced by ``<corpus>`` in stdout and stderr.
"""

import os
import subprocess
import sys

PYTHON_VERSION = "3.13.0"
TIMEOUT = 60
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
PLACEHOLDER = b"<corpus>"


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    # When this script itself runs through a pyenv shim, pyenv prepends the selected
    # version's bin directory to PATH; drop such entries so that `python3` resolves to
    # the shim again and PYENV_VERSION takes effect.
    path = env.get("PATH", "").split(os.pathsep)
    env["PATH"] = os.pathsep.join(p for p in path if "/.pyenv/versions/" not in p)
    env["PYENV_VERSION"] = PYTHON_VERSION
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONUNBUFFERED"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["LC_ALL"] = "C.UTF-8"
    return env


def check_version(env):
    out = subprocess.run(
        ["python3", "--version"], env=env, capture_output=True, check=True
    ).stdout.decode()
    if out.strip() != "Python " + PYTHON_VERSION:
        sys.exit(f"record.py: expected Python {PYTHON_VERSION}, got {out.strip()!r}")


def encode(stdout, stderr, status):
    """The .expected format: each stream is preceded by a header giving its byte length,
    followed by exactly that many bytes and one separating newline."""
    parts = [
        b"--- stdout %d bytes\n" % len(stdout),
        stdout,
        b"\n",
        b"--- stderr %d bytes\n" % len(stderr),
        stderr,
        b"\n",
        b"--- status\n",
        b"%d\n" % status,
    ]
    return b"".join(parts)


def side_lines(path):
    """Non-empty lines of an optional side file (`<name>.argv`, `<name>.env`)."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line for line in f.read().splitlines() if line]


def record(path, env):
    path = os.path.abspath(path)
    base = path[:-3]
    stdin_path = base + ".stdin"
    corpus_prefix = CORPUS.encode()
    stdin = open(stdin_path, "rb") if os.path.exists(stdin_path) else subprocess.DEVNULL
    args = side_lines(base + ".argv") or [path]
    run_env = dict(env)
    for line in side_lines(base + ".env"):
        key, value = line.split("=", 1)
        run_env[key] = value
    try:
        proc = subprocess.run(
            ["python3"] + args,
            cwd=os.path.dirname(path),
            env=run_env,
            stdin=stdin,
            capture_output=True,
            timeout=TIMEOUT,
        )
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    stdout = proc.stdout.replace(corpus_prefix, PLACEHOLDER)
    stderr = proc.stderr.replace(corpus_prefix, PLACEHOLDER)
    with open(base + ".expected", "wb") as f:
        f.write(encode(stdout, stderr, proc.returncode))
    return proc.returncode


def collect(args):
    if not args:
        args = [CORPUS]
    files = []
    for arg in args:
        if os.path.isdir(arg):
            for root, dirs, names in os.walk(arg):
                dirs.sort()
                for name in sorted(names):
                    if name.endswith(".py"):
                        files.append(os.path.join(root, name))
        elif arg.endswith(".py") and os.path.isfile(arg):
            files.append(arg)
        else:
            sys.exit(f"record.py: not a corpus program or directory: {arg}")
    return [f for f in files if is_program(f)]


def is_program(path):
    """Programs are the .py files directly inside a category directory whose name does not
    start with "_".  Top-level files (such as gen_big.py), "_"-prefixed files and everything
    in subdirectories of a category are helpers (modules and packages programs import)."""
    path = os.path.abspath(path)
    category = os.path.dirname(path)
    return (
        os.path.dirname(category) == CORPUS
        and not os.path.basename(path).startswith("_")
    )


def main():
    env = child_env()
    check_version(env)
    files = collect(sys.argv[1:])
    failures = 0
    for path in files:
        rel = os.path.relpath(os.path.abspath(path), CORPUS)
        try:
            status = record(path, env)
        except subprocess.TimeoutExpired:
            print(f"TIMEOUT {rel} (nothing written)", file=sys.stderr)
            failures += 1
            continue
        print(f"{status:4d} {rel}")
    print(f"recorded {len(files) - failures} programs, {failures} timeouts")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
