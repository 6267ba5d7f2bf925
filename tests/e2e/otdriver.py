# SPDX-License-Identifier: GPL-3.0-or-later
"""Starts Option Talk and finds it in the accessibility tree, the way a
screen reader does; presses keys on the real X display, the way a person
without a mouse does.  Shared by the end-to-end tests.

Everything is found by accessible role and name.  Where GTK 4.8 gives a
control no AT-SPI action (check boxes, combo rows, text entries), the
tests use the keyboard: Tab until the control reports the focus, then the
key a person would press."""

import atexit
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import traceback

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
from gi.repository import Atspi, GLib  # noqa: E402

# The TAP lines, shared with the tests one folder up.
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import tap  # noqa: E402
from tap import check  # noqa: E402,F401  (the tests import it from here)

# The application answers a call once it has done what was asked, which
# can take longer than libatspi's 0.8 s on a loaded machine or under a
# sanitizer: give it 20 s.
Atspi.set_timeout(20000, 30000)

# at-spi2-core 2.54 and later (Debian 13) call a push button's role
# "button"; the tests use the name the older ones give (Debian 12).
_PUSH_BUTTON = Atspi.role_get_name(Atspi.Role.PUSH_BUTTON)
if _PUSH_BUTTON != 'push button':
    _role_name = tree.Node.roleName
    tree.Node.roleName = property(
        lambda node: 'push button' if _role_name.fget(node) == _PUSH_BUTTON else _role_name.fget(node))

# The views, by their tab's title, and the class that shows in the tree:
# GTK 4.8 names a view by its class, libadwaita 1.7 by its page's title.
VIEWS = {
    'My Situation': 'OtSituationView',
    'Options': 'OtOptionsView',
    'Side Effects': 'OtEffectsView',
    'What Matters to Me': 'OtValuesView',
    'Summary': 'OtSummaryView',
}


# A search that finds nothing retries for a long time: fail the test instead.
signal.signal(signal.SIGALRM, lambda *_: sys.exit('timed out'))
signal.alarm(120)
_started = time.monotonic()


def time_limit(seconds):
    """Fails the test if it runs longer than @seconds from its start."""
    signal.alarm(max(1, int(seconds - (time.monotonic() - _started))))


def note(text):
    tap.comment(text)


def elapsed():
    return time.monotonic() - _started


def _excepthook(kind, value, trace):
    """An error stops the test with its traceback in the test's output,
    where the log shows it beside the checks."""
    for line in traceback.format_exception(kind, value, trace):
        for part in line.rstrip().split('\n'):
            print(f'# {part}', flush=True)
    print(f'not ok {tap.count + 1} - the test stopped: {value}', flush=True)


sys.excepthook = _excepthook


def finish():
    tap.finish(plan_printed=False)


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


# Roles as the tests name them (GTK 4.8), and what GTK 4.10 and later
# also show: a toggle button has a role of its own, a check button in a
# group of them is a radio button, and a named group is a grouping.
ROLE_ALSO = {'push button': ('toggle button',), 'check box': ('radio button',), 'panel': ('grouping',)}


def role_predicate(role, name):
    """Nodes of @role named @name, on either GTK."""
    roles = (role,) + ROLE_ALSO.get(role, ())
    found = GenericPredicate(name=name, roleName=role)
    found.satisfiedByNode = lambda node: ((name is None or node.name == name)
                                          and (role is None or node.roleName in roles))
    return found


def is_view(node):
    """Whether @node is one of the five views."""
    return node.name in VIEWS.values() or (node.name in VIEWS and node.roleName == 'panel')


def is_shown(node, root):
    """Whether @node shows, somewhere under @root: GTK 4.8 unsets a hidden
    widget's showing state, GTK 4.18 takes it out of the tree instead and
    leaves the state it had."""
    return has_state(node, pyatspi.STATE_SHOWING) and any(n == node for n in walk(root))


def is_selected(node):
    return has_state(node, pyatspi.STATE_SELECTED)


def is_checked(node):
    return has_state(node, pyatspi.STATE_CHECKED)


def actions(node):
    """The AT-SPI actions a screen reader offers on @node (GTK 4.8 also
    lists the widget's own GActions, named with a dot: those are left out)."""
    try:
        action = node.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
    except Exception:
        return []
    return [name for name in names if '.' not in name]


def describe(node):
    if node is None:
        return 'nothing'
    name = node.name if len(node.name) <= 60 else node.name[:59] + '…'
    return f'{node.roleName} “{name}”'


CLASS_NAME = re.compile(r'^(Gtk|Adw|Ot)[A-Z]\w*$')
MNEMONIC = re.compile(r'(^|\s)_\w')


def name_problem(node):
    """Why @node's name would not do for a screen reader, or None: it is
    empty, or only a class name (what GTK 4.8 reports when there is
    none), or shows a mnemonic's underscore, or is the same words twice
    (a label given twice)."""
    name = node.name.strip()
    if not name or CLASS_NAME.match(name):
        return 'no name'
    if MNEMONIC.search(name):
        return 'a mnemonic underscore in the name'
    if repeats_itself(name):
        return 'the same name twice'
    return None


def repeats_itself(name):
    """Whether @name is the same words said twice or more ("Your Name Your
    Name"): what a screen reader reads of a widget labelled twice over."""
    words = [word.strip('.,;:').casefold() for word in name.split()]
    return any(len(words) % n == 0 and words == words[:n] * (len(words) // n)
               for n in range(1, len(words) // 2 + 1))


def walk(node):
    """@node and everything under it, depth first, in the tree's order."""
    yield node
    for child in node.children:
        yield from walk(child)


def texts(node):
    """The text of every label under @node."""
    return [n.name for n in walk(node) if n.roleName == 'label' and n.name]


def test_dir(name=None, fresh=False):
    """This test's own folder under the build folder: its home, its data
    and the files it saves.  @fresh empties it first."""
    base = os.environ.get('OT_E2E_DIR') or os.path.join(os.getcwd(), 'e2e')
    path = os.path.join(base, name or os.path.splitext(os.path.basename(sys.argv[0]))[0])
    if fresh:
        shutil.rmtree(path, ignore_errors=True)
    os.makedirs(os.path.join(path, 'files'), exist_ok=True)
    return path


class App:
    """Option Talk, started with a home and data folders of its own under
    the build folder, so no test sees another's answers or the person's."""

    def __init__(self, *args, fresh=True, name=None):
        self.dir = test_dir(name, fresh)
        env = dict(os.environ)
        env.pop('G_DEBUG', None)
        for var, sub in (('HOME', 'home'), ('XDG_DATA_HOME', 'data'), ('XDG_CONFIG_HOME', 'config'),
                         ('XDG_CACHE_HOME', 'cache'), ('XDG_STATE_HOME', 'state')):
            env[var] = os.path.join(self.dir, sub)
            os.makedirs(env[var], exist_ok=True)
        self.files = os.path.join(self.dir, 'files')

        self.process = subprocess.Popen([os.environ['OPTION_TALK'], *args], env=env)
        # A test that fails or times out must not leave the window behind.
        atexit.register(self._kill)
        self.node = None
        self.focused = None
        self._focus_events = []
        self._listening = False
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

    # Finding

    def find(self, role, name, root=None):
        root = root or self.node
        return root.findChild(role_predicate(role, name), retry=True, requireResult=True)

    def find_all(self, role, name, root=None):
        root = root or self.node
        return root.findChildren(role_predicate(role, name))

    def find_actionable(self, role, name, root=None):
        """The one of the nodes named so that a screen reader can act on:
        GTK 4.8 shows a menu button as a button inside a button, GTK 4.18
        as a button around a toggle button of the same name, which acts."""
        for node in self.find_all(role, name, root):
            for candidate in [node] + [c for c in node.children if c.name == name]:
                if actions(candidate):
                    return candidate
        raise LookupError(f'no {role} “{name}” with an action')

    def find_view(self, class_name):
        title = next(t for t, c in VIEWS.items() if c == class_name)
        view = GenericPredicate(name=class_name)
        view.satisfiedByNode = lambda node: is_view(node) and node.name in (class_name, title)
        return self.node.findChild(view, retry=False)

    def windows(self):
        return list(self.node.children)

    def window(self, name, timeout=10):
        """The top-level window named @name, once it is there."""
        found = self.wait_for(lambda: next((w for w in self.windows() if w.name == name), None),
                              timeout)
        if found is None:
            raise LookupError(f'no window “{name}”; there are {[w.name for w in self.windows()]}')
        return found

    def main_window(self):
        return next(w for w in self.windows() if w.roleName == 'frame' and w.name.endswith('Option Talk'))

    def act(self, node, action=None):
        """Does @node's action (its first, unless named), as a screen reader
        does.  An answer that comes late is not a failure: the action was
        delivered, and the test goes on to wait for what it does."""
        name = action or actions(node)[0]
        try:
            node.doActionNamed(name)
        except GLib.Error as error:
            if 'Did not receive a reply' not in error.message:
                raise
            note(f'{describe(node)}: “{name}” answered late')

    def show_view(self, title):
        """Switches views through the view switcher's tab, as a screen
        reader does, and returns the view: searching it alone is faster
        than searching the whole window."""
        tab = self.find_all('page tab', title)[0]
        self.act(tab, 'click')
        self.wait_for(lambda: is_selected(tab))
        return self.find_view(VIEWS[title])

    # Waiting

    def pump(self, seconds=0.0):
        """Lets accessibility events in for @seconds."""
        context = GLib.MainContext.default()
        end = time.monotonic() + seconds
        while True:
            while context.iteration(False):
                pass
            if time.monotonic() >= end:
                return
            time.sleep(0.005)

    def popover(self, near, timeout=5):
        """The popover that opened under @near, once it is there, or None.
        GTK 4.8 names a popover by its class and keeps it in the tree while
        closed; GTK 4.18 shows it, unnamed, only while it is open."""
        def is_popover(node):
            return node.name == 'GtkPopover' or (node.roleName == 'panel' and not node.name
                                                 and has_state(node, pyatspi.STATE_SHOWING))
        return self.wait_for(lambda: next(n for n in near.children if is_popover(n)), timeout)

    def wait_for(self, probe, timeout=10, interval=0.05):
        """Calls @probe until it returns something true, and returns that,
        or None after @timeout seconds."""
        end = time.monotonic() + timeout
        while True:
            try:
                result = probe()
            except Exception:
                result = None
            if result:
                return result
            if time.monotonic() >= end:
                return None
            self.pump(interval)

    # The keyboard

    def _focus_cb(self, event):
        if event.detail1:
            self._focus_events.append(event.source)
            self.focused = event.source

    def focus_window(self, title='Option Talk$'):
        """Gives the window the keyboard focus.  There is no window manager
        under Xvfb: nothing else would."""
        if not self._listening:
            pyatspi.Registry.registerEventListener(self._focus_cb, 'object:state-changed:focused')
            self._listening = True
        out = subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--pid',
                              str(self.process.pid), '--name', title],
                             capture_output=True, text=True, timeout=20)
        window = out.stdout.split()[0]
        subprocess.run(['xdotool', 'windowfocus', '--sync', window], check=True, timeout=20)
        self.pump(0.2)

    def key(self, *keys, wait=0.4):
        """Presses @keys (xdotool names: Tab, shift+Tab, ctrl+s, Return…)
        one after the other; returns the node that took the focus, if one
        did within @wait seconds of the last."""
        if not self._listening:
            self.focus_window()
        focused = None
        for key in keys:
            before = len(self._focus_events)
            subprocess.run(['xdotool', 'key', '--clearmodifiers', key], check=True, timeout=20)
            end = time.monotonic() + wait
            while len(self._focus_events) == before and time.monotonic() < end:
                self.pump(0.01)
            self.pump(0.03)
            focused = self._focus_events[-1] if len(self._focus_events) > before else None
        return focused

    def type(self, text):
        """Types @text into whatever has the focus."""
        if not self._listening:
            self.focus_window()
        subprocess.run(['xdotool', 'type', '--delay', '15', text], check=True, timeout=60)
        self.pump(0.2)

    def tab_to(self, node, limit=150, key='Tab'):
        """Presses Tab until @node has the focus; the number of presses,
        or None if it never came."""
        if self.focused is not None and self.focused == node and has_state(node, pyatspi.STATE_FOCUSED):
            return 0
        for presses in range(1, limit + 1):
            if self.key(key) == node:
                return presses
        return None

    def tab_walk(self, stop, limit=200):
        """Presses Tab until @stop(node) is true for the focused node, and
        returns every node that took the focus on the way, None where the
        focus went to something the accessibility tree does not show."""
        seen = []
        for _ in range(limit):
            node = self.key('Tab')
            seen.append(node)
            if node is not None and stop(node):
                break
        return seen

    def open_sidebar(self, view):
        """Opens the Side Effects sidebar where it folded away for the
        chart, as a person does: Tab to its button, then Space, and the
        sidebar has the focus.  The button is pressed while the sidebar
        shows (GTK 4.8 says of no check box in it whether it shows).
        Returns whether it shows."""
        button = self.find('push button', 'Choose Treatments and Side Effects', view)

        def pressed():
            return has_state(button, pyatspi.STATE_PRESSED) or has_state(button, pyatspi.STATE_CHECKED)

        if pressed():
            return True
        if self.tab_to(button) is None:
            return False
        self.key('space')
        return self.wait_for(pressed, 3) is not None

    def expand(self, row):
        """Opens an expander row by keyboard (Tab to it, Space) unless it
        is open; whether it is open after.  GTK 4.18 shows what a closed
        row holds only once it is open; GTK 4.8 says of no row whether it
        opens, and shows what it holds all the same: nothing to do there."""
        if not has_state(row, pyatspi.STATE_EXPANDABLE) or has_state(row, pyatspi.STATE_EXPANDED):
            return True
        if self.tab_to(row) is None:
            return False
        self.key('space')
        return self.wait_for(lambda: has_state(row, pyatspi.STATE_EXPANDED), 3) is not None

    def choose(self, combo, item):
        """Chooses @item in a combo row, by keyboard: GTK 4.8 offers no
        AT-SPI action to open it.  Returns True when the row shows it."""
        if self.tab_to(combo) is None:
            return False
        self.key('space', wait=1)
        popup = self.wait_for(lambda: next((l for l in combo.findChildren(GenericPredicate(roleName='list'))
                                            if l.childCount > 1), None), 5)
        if popup is None:
            return False
        items = [([t for t in texts(child)] or [''])[0] for child in popup.children]
        current = next((i for i, child in enumerate(popup.children) if is_selected(child)), 0)
        target = items.index(item)
        step = 'Down' if target > current else 'Up'
        for _ in range(abs(target - current)):
            self.key(step, wait=0.2)
        self.key('Return', wait=1)
        return self.wait_for(lambda: self.combo_value(combo) == item, 5) is not None

    def combo_value(self, combo):
        """What a combo row shows now."""
        shown = next((n for n in walk(combo) if n.roleName == 'list'), None)
        values = texts(shown) if shown is not None else []
        return values[0] if values else None

    def tick(self, check_box):
        """Ticks or unticks a check box by keyboard (GTK 4.8 gives check
        boxes no AT-SPI action); returns its new state."""
        was = is_checked(check_box)
        if self.tab_to(check_box) is None:
            return was
        self.key('space')
        self.wait_for(lambda: is_checked(check_box) != was, 3)
        return is_checked(check_box)

    def save_in_chooser(self, title, path):
        """Answers a file chooser the way a keyboard user does: types the
        whole path into its name field and presses Enter."""
        chooser = self.window(title)
        name = self.wait_for(lambda: next(n for n in walk(chooser)
                                          if n.roleName == 'text' and n.name == 'Name:'
                                          and has_state(n, pyatspi.STATE_FOCUSED)), 10)
        if name is None:
            return False
        self.key('ctrl+a')
        self.type(path)
        self.key('Return', wait=1)
        gone = self.wait_for(lambda: all(w.name != title for w in self.windows()), 10)
        # Without a window manager the focus does not come back by itself.
        self.focus_window()
        return gone is not None

    # Ending

    def _kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def quit(self):
        """Quits through the application's own quit action on the session
        bus, as the desktop would, and returns the exit status."""
        if self._listening:
            pyatspi.Registry.deregisterEventListener(self._focus_cb, 'object:state-changed:focused')
            self._listening = False
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
