# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Python tests print for meson: TAP lines for checks, skips and
comments, and an exit status that fails when a check did."""

import sys

count = 0
failures = 0


def check(ok, what):
    """One test point: ok when @ok is true.  Returns @ok."""
    global count, failures
    count += 1
    print(('ok' if ok else 'not ok') + f' {count} - {what}', flush=True)
    if not ok:
        failures += 1
    return ok


def skip(what, why):
    global count
    count += 1
    print(f'ok {count} - {what} # SKIP {why}', flush=True)


def comment(text):
    for line in text.splitlines():
        print('# ' + line, flush=True)


def finish(plan_printed=True):
    """Ends the test: prints the plan if it was not printed first."""
    if not plan_printed:
        print(f'1..{count}', flush=True)
    sys.exit(1 if failures else 0)
