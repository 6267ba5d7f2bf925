#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The headless tools under valgrind memcheck: no invalid read or write,
no use of uninitialised memory, no definite leak, on the way that works
and on the ways that fail.

  test-valgrind.py [--sanitized]

--sanitized: the build uses AddressSanitizer, which valgrind cannot run.
"""

import os
import shutil
import subprocess
import sys
import tempfile

from tap import check, finish

OPTION_TALK = os.environ['OPTION_TALK']
SRCDIR = os.environ['G_TEST_SRCDIR']
ROOT = os.path.dirname(SRCDIR)
# The suppressions hold only fontconfig's pattern arrays; see the file.
SUPPRESSIONS = os.path.join(SRCDIR, 'valgrind.supp')
ERROR_EXIT = 99   # what valgrind exits with when it found something

def valgrind(*args):
    """Runs option-talk ARGS under memcheck; returns its exit status."""
    env = dict(os.environ)
    for name in ('DISPLAY', 'WAYLAND_DISPLAY', 'DBUS_SESSION_BUS_ADDRESS'):
        env.pop(name, None)
    # GLib's slice allocator and gc-friendly keep memcheck's view exact.
    env['G_SLICE'] = 'always-malloc'
    env['G_DEBUG'] = 'gc-friendly'
    command = ['valgrind', '--quiet', f'--error-exitcode={ERROR_EXIT}',
               '--leak-check=full', '--errors-for-leak-kinds=definite',
               '--show-leak-kinds=definite', '--track-origins=yes',
               '--num-callers=30', f'--suppressions={SUPPRESSIONS}',
               OPTION_TALK, *args]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=240)
    for line in (result.stdout + result.stderr).splitlines():
        print('# ' + line)
    return result.returncode


if '--sanitized' in sys.argv:
    print('1..0 # SKIP this build uses AddressSanitizer; valgrind runs on the plain build')
    sys.exit(0)
if shutil.which('valgrind') is None:
    print('1..0 # SKIP valgrind is not installed (build-aux/deps.sh test installs it)')
    sys.exit(0)

corpus = os.path.join(ROOT, 'fuzz', 'corpus', 'worksheet')
print('1..7')
with tempfile.TemporaryDirectory(prefix='ot-valgrind-') as work:
    for name, pages in (('full', 'every section answered'), ('long', 'fifty questions, 9 pages')):
        pdf = os.path.join(work, name + '.pdf')
        status = valgrind('--export-pdf', pdf, os.path.join(corpus, name + '.optiontalk'))
        check(status == 0, f'--export-pdf of a worksheet with {pages}: clean, exit {status}')
        check(os.path.getsize(pdf) > 10000, f'… and the PDF of {name}.optiontalk was written')

    # Failing paths free what they made too.
    bad = os.path.join(SRCDIR, 'data', 'worksheet', 'bad-rating.optiontalk')
    status = valgrind('--export-pdf', os.path.join(work, 'bad.pdf'), bad)
    check(status == 1, f'--export-pdf of a broken worksheet fails cleanly, exit {status}')

    shipped = os.path.join(ROOT, 'data', 'content', 'crc-stage4.xml')
    status = valgrind('--validate-content', shipped)
    check(status == 0, f'--validate-content of the shipped pack: clean, exit {status}')

    broken = os.path.join(SRCDIR, 'data', 'content', 'unknown-source.xml')
    status = valgrind('--validate-content', broken)
    check(status == 1, f'--validate-content of a broken pack fails cleanly, exit {status}')

finish()
