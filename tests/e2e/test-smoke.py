#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Finds each view-switcher tab by its accessible name and switches to it."""

import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from otdriver import App, check, finish, is_selected  # noqa: E402

VIEWS = ['My Situation', 'Options', 'Side Effects', 'What Matters to Me', 'Summary']

app = App()
check(app.find('frame', 'Option Talk') is not None, 'the main window is in the accessibility tree')

for view in VIEWS:
    # The wide and the narrow switchers hold a tab each; one stack behind them.
    tabs = app.find_all('page tab', view)
    tabs[0].doActionNamed('click')
    check(len(tabs) >= 2 and all(is_selected(t) for t in tabs), f'switched to “{view}”')
    others = [t for v in VIEWS if v != view for t in app.find_all('page tab', v)]
    check(not any(is_selected(t) for t in others), f'only “{view}” is selected')

check(len(app.find_all('push button', 'Main Menu')) >= 1, 'the main menu button has a name')
check(app.quit() == 0, 'the application exits cleanly')
finish()
