# The problem size a benchmark runs at. `pyperformance-lite --scale P` passes P, a
# percentage of the full size, as each script's first argument (the CI output check runs
# the suite at a small scale); run by hand, a script does its full-size work.

import sys

PERCENT = int(sys.argv[1]) if len(sys.argv) > 1 else 100


def scaled(n):
    """A repetition count `n` scaled to PERCENT (at least 1)."""
    return max(1, n * PERCENT // 100)


def sized(full, reduced):
    """For sizes whose cost is not linear: `full` at full scale, `reduced` otherwise."""
    return full if PERCENT >= 100 else reduced
