#!/bin/sh
# Runs CPython 3.13.0 (through pyenv) in place of pyrite, to validate the corpus expectations:
#   PYRITE_CORPUS_BINARY=$PWD/tests/cpython-3.13.sh cargo test --test corpus
# Drop pyenv's per-version bin directories from PATH so that the shim (and PYENV_VERSION) is used.
PATH=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v '/.pyenv/versions/' | paste -sd: -)
export PATH
PYENV_VERSION=3.13.0 exec python3 "$@"
