# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts Option Talk and finds it in the accessibility tree, the way a
screen reader does.  Shared by the end-to-end tests."""

import os
import signal
import subprocess
import sys
import time

from dogtail.config import config
config.checkForA11y = False
config.searchShowingOnly = False
config.logDebugToStdOut = False
config.logDebugToFile = False
config.defaultDelay = 0.2
config.searchCutoffCount = 10

import pyatspi  # noqa: E402
from dogtail import tree  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

_count = 0
_failures = 0

# A search that finds nothing retries for a long time: fail the test instead.
signal.signal(signal.SIGALRM, lambda *_: sys.exit('timed out'))
signal.alarm(120)


def check(ok, what):
    """Prints one TAP line."""
    global _count, _failures
    _count += 1
    print(('ok' if ok else 'not ok') + f' {_count} - {what}', flush=True)
    if not ok:
        _failures += 1


def finish():
    print(f'1..{_count}', flush=True)
    sys.exit(1 if _failures else 0)


def is_selected(node):
    return node.getState().contains(pyatspi.STATE_SELECTED)


class App:
    def __init__(self, *args):
        env = dict(os.environ)
        env.pop('G_DEBUG', None)
        self.process = subprocess.Popen([os.environ['OPTION_TALK'], *args], env=env)
        self.node = None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for app in tree.root.applications():
                try:
                    if app.get_process_id() == self.process.pid:
                        self.node = app
                except Exception:
                    continue
            if self.node is not None and self.node.children:
                return
            time.sleep(0.25)
        raise RuntimeError('Option Talk did not appear in the accessibility tree')

    def find(self, role, name, root=None):
        root = root or self.node
        return root.findChild(GenericPredicate(name=name, roleName=role), retry=True,
                              requireResult=True)

    def find_all(self, role, name, root=None):
        root = root or self.node
        return root.findChildren(GenericPredicate(name=name, roleName=role))

    def quit(self):
        """Quits through the application's own quit action on the session
        bus, as the desktop would, and returns the exit status."""
        subprocess.run(['gdbus', 'call', '--session',
                        '--dest', 'io.github.optiontalk.OptionTalk',
                        '--object-path', '/io/github/optiontalk/OptionTalk',
                        '--method', 'org.gtk.Actions.Activate', 'quit', '[]', '{}'],
                       check=False, stdout=subprocess.DEVNULL)
        try:
            return self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()
