#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Finds each view-switcher tab by its accessible name and switches to it.
With the argument "es", in Spanish (under LC_ALL=es_ES.UTF-8 LANGUAGE=es,
which build-aux/deps.sh makes), by the Spanish names a screen reader reads."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from otdriver import VIEWS, App, check, finish, is_selected, is_view  # noqa: E402

SPANISH = {
    'My Situation': 'Mi situación',
    'Options': 'Opciones',
    'Side Effects': 'Efectos',
    'What Matters to Me': 'Mis valores',
    'Summary': 'Resumen',
    'Main Menu': 'Menú principal',
}
words = {}
if sys.argv[1:] == ['es']:
    words = SPANISH
    os.environ.update(LC_ALL='es_ES.UTF-8', LANGUAGE='es')


def name(english):
    """What the screen reader reads for @english in the language tested."""
    return words.get(english, english)


def page_tabs(node):
    """The view switchers' tabs, without going through the thousands of
    objects inside the views: each step is a call over the bus."""
    if node.roleName == 'page tab':
        return [node]
    if is_view(node):
        return []
    return [tab for child in node.children for tab in page_tabs(child)]


app = App()
window = next((w for w in app.windows() if w.roleName == 'frame' and w.name == 'Option Talk'), None)
check(window is not None, 'the main window is in the accessibility tree')

all_tabs = page_tabs(window)
for view in map(name, VIEWS):
    # The header's switcher holds a tab for each view (the bottom bar's, too,
    # once it has been shown); one stack behind them.
    tabs = [t for t in all_tabs if t.name == view]
    tabs[0].doActionNamed('click')
    check(len(tabs) >= 1 and all(is_selected(t) for t in tabs), f'switched to “{view}”')
    others = [t for t in all_tabs if t.name != view]
    check(not any(is_selected(t) for t in others), f'only “{view}” is selected')

check(len(app.find_all('push button', name('Main Menu'))) >= 1, 'the main menu button has a name')
check(app.quit() == 0, 'the application exits cleanly')
finish()
