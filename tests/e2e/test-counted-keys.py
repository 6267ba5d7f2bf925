#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The standard consultation of a 15-minute visit, by a person who knows
the app, with key events only (and the text typed): the situation with
four test results, two categories compared on Options, two treatments and
one side effect to avoid on Side Effects, five values rated, the role in
deciding, the four readiness questions, one question for the visit, and
the PDF exported.  Every key press is counted, per view: the whole visit
must take at most 90 of them, and the PDF must hold the answers.

The keys are the ones a person presses: Tab until the control has the
focus (the fewest presses in the direction that reaches it), then Space,
Enter, the arrow keys, Home or End; Alt+1 … Alt+5 between views, Ctrl+Page
Down to the next section and the mnemonics shown underlined."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from otdriver import App, check, describe, finish, is_checked, is_selected, note, texts, time_limit  # noqa: E402
from dogtail.predicate import GenericPredicate  # noqa: E402

MOST_KEYS = 90
FOLFOX = 'FOLFOX (5-FU, leucovorin and oxaliplatin)'
ANTI_EGFR = 'Anti-EGFR drugs (cetuximab, panitumumab)'
SHARED_ROLE = 'I prefer that my doctor and I share responsibility for deciding which treatment is best for me.'
QUESTION = 'Which side effects are serious, and when should I call?'
# What is rated, and the keys that rate it from its first step.
RATINGS = (('Living as long as possible', ('End',), '4'),
           ('Keeping up my daily activities', ('Right',), '1'),
           ('Avoiding side effects', ('Right', 'Right'), '2'),
           ('Time with family and friends', ('End',), '4'),
           ('Keeping a good quality of life', ('Right', 'Right', 'Right'), '3'))
ROLES = ('I prefer to make the final selection about which treatment I will receive.',)
READINESS = (('Do you feel SURE about the best choice for you?', 'space'),
             ('Do you know the benefits and risks of each option?', 'space'),
             ('Are you clear about which benefits and risks matter most to you?', 'space'),
             ('Do you have enough support and advice to make a choice?', 'Right'))


class CountingApp(App):
    """The application, with every key press counted against the view
    the consultation is in."""

    def __init__(self):
        super().__init__()
        self.counts = {}
        self.view = None
        self.log = []

    def key(self, *keys, wait=0.4):
        if self.view is not None:
            self.counts[self.view] = self.counts.get(self.view, 0) + len(keys)
            self.log.extend(keys)
        return super().key(*keys, wait=wait)

    def step(self, what):
        """Notes the keys pressed since the last step, for the log."""
        if self.log:
            tabs = sum(1 for k in self.log if k in ('Tab', 'shift+Tab'))
            note(f'  {what}: {len(self.log)} keys ({tabs} Tab) {" ".join(k for k in self.log if k != "Tab")}')
        self.log = []

    def jump_to(self, node, limit=12):
        """Presses Ctrl+Page Down, section by section, until @node, the
        first control of a section, has the focus."""
        for _ in range(limit):
            if self.key('ctrl+Page_Down') == node:
                return True
        note(f'  {describe(node)} is not the first control of a section')
        return False

    def open_by_mnemonic(self, combo, key, item):
        """Chooses @item in a combo row opened by its mnemonic @key."""
        def find_popup():
            return self.wait_for(lambda: next((l for l in combo.findChildren(GenericPredicate(roleName='list'))
                                               if l.childCount > 1), None), 5)

        self.key(key, wait=1)
        popup = find_popup()
        if popup is None:
            note(f'  {key} did not open the list of {describe(combo)}')
            return False
        items = [([t for t in texts(child)] or [''])[0] for child in popup.children]
        current = next((i for i, child in enumerate(popup.children) if is_selected(child)), 0)
        target = items.index(item)
        for _ in range(abs(target - current)):
            self.key('Down' if target > current else 'Up', wait=0.2)
        self.key('Return', wait=1)
        return self.wait_for(lambda: self.combo_value(combo) == item, 5) is not None

    def reach(self, node, key='Tab'):
        """Tabs to @node; fails the check when it never takes the focus."""
        presses = self.tab_to(node, key=key)
        if presses is None:
            note(f'  {describe(node)} never took the focus')
        return presses is not None


time_limit(540)
app = CountingApp()
app.focus_window()

# My Situation: the stage, the places of spread, where it started and
# four test results.
app.view = 'My Situation'
view = app.find_view('OtSituationView')
check(app.open_by_mnemonic(app.find('combo box', 'Stage', view), 'alt+s', 'Stage IVB'),
      'Alt+S opens the stage, where IVB is chosen')
app.step('the stage')
spread = app.find('list item', 'Where It Has Spread', view)
check(app.reach(spread), 'Tab reaches “Where It Has Spread”')
app.key('space')
for site in ('Liver', 'Lungs'):
    box = app.find('check box', site, view)
    check(app.reach(box), f'Tab reaches “{site}”')
    app.key('space')
    check(app.wait_for(lambda: is_checked(box), 3) is not None, f'Space ticks “{site}”')
app.step('the places of spread')
check(app.open_by_mnemonic(app.find('combo box', 'Where It Started', view), 'alt+w', 'Left side of the colon'),
      'Alt+W opens “Where It Started”, where the left side is chosen')
app.step('Where It Started')
for row, value in (('MMR / MSI', 'pMMR / MSS'),
                   ('RAS (KRAS and NRAS)', 'No RAS change (RAS wild-type)'),
                   ('BRAF', 'No BRAF V600E change'),
                   ('HER2', 'HER2-negative')):
    check(app.choose(app.find('combo box', row, view), value), f'“{row}” set to “{value}” from its list')
    app.step(row)

# Options: compare chemotherapy and targeted therapy.
app.view = 'Options'
app.key('alt+2', wait=1)
app.step('Alt+2')
view = app.find_view('OtOptionsView')
for category in ('Chemotherapy', 'Targeted therapy'):
    toggle = next(n for n in app.find_all('push button', category, view) if n.childCount)
    check(app.reach(toggle), f'Tab reaches “{category}”')
    app.key('space')
    app.step(category)
grid = app.find('panel', 'Treatment options compared', view)
check(app.wait_for(lambda: 'Immunotherapy' not in texts(grid) and 'Targeted therapy' in texts(grid), 5)
      is not None, 'the grid compares chemotherapy and targeted therapy')

# Side Effects: two treatments and one side effect to avoid.  The view
# starts from what Options showed: what it ticked that is not wanted is
# unticked, what is wanted and not ticked is ticked, in reading order.
app.view = 'Side Effects'
app.key('alt+3', wait=1)
app.step('Alt+3')
view = app.find_view('OtEffectsView')
# In a small window the sidebar folds away for the chart's columns.
check(app.open_sidebar(view), 'the sidebar’s choices show')
app.step('the sidebar')
WANTED = (FOLFOX, ANTI_EGFR)
# The treatments' boxes come first in reading order, then the side effects'.
boxes = app.find_all('check box', None, view)
treatments = boxes[:[b.name for b in boxes].index('Nausea and vomiting')]
note(f'  ticked from Options: {[b.name for b in treatments if is_checked(b)]}')
for box in treatments:
    if is_checked(box) != (box.name in WANTED):
        check(app.reach(box), f'Tab reaches “{box.name}”')
        app.key('space')
        app.step(f'{"tick" if box.name in WANTED else "untick"} {box.name}')
check(app.wait_for(lambda: [b.name for b in treatments if is_checked(b)] == list(WANTED), 3) is not None,
      'the two treatments are compared, and no others')
avoid = app.find('check box', 'Diarrhea', view)
check(app.jump_to(app.find('check box', 'Nausea and vomiting', view)),
      'Ctrl+Page Down goes to the side effects to avoid')
check(app.reach(avoid), 'Tab reaches “Diarrhea”')
app.key('space')
check(app.wait_for(lambda: is_checked(avoid), 3) is not None, 'diarrhea is a side effect to avoid')
app.step('Diarrhea')

# What Matters to Me: five values, the role, the readiness check, a question.
app.view = 'What Matters to Me'
app.key('alt+4', wait=1)
app.step('Alt+4')
view = app.find_view('OtValuesView')
for value, keys, _ in RATINGS:
    first = next(b for b in app.find_all('push button', 'Not important', view) if b.description == value)
    check(app.reach(first), f'Tab reaches “{value}”')
    app.key(*keys)
    app.step(value)
role = app.find('check box', SHARED_ROLE, view)
check(app.jump_to(app.find('check box', ROLES[0], view)), 'Ctrl+Page Down goes to the roles')
check(app.reach(role), 'Tab reaches the shared role')
app.key('space')
app.step('the role')
check(app.jump_to(next(b for b in app.find_all('push button', 'Yes', view) if b.description == READINESS[0][0])),
      'Ctrl+Page Down goes to the readiness questions')
for question, key in READINESS:
    answer = next(b for b in app.find_all('push button', 'Yes', view) if b.description == question)
    check(app.reach(answer), f'Tab reaches “{question}”')
    app.key(key)
    app.step(question)
topic = app.find('list item', 'Side effects', view)
check(app.jump_to(app.find('list item', 'Goals of treatment', view)), 'Ctrl+Page Down goes to the questions')
check(app.reach(topic), 'Tab reaches the topic “Side effects”')
app.key('space')
box = app.find('check box', QUESTION, view)
check(app.reach(box), 'Tab reaches the question')
app.key('space')
check(app.wait_for(lambda: is_checked(box), 3) is not None, 'the question is chosen')
app.step('the question')

# Summary: export, by its mnemonic.
app.view = 'Export'
pdf = os.path.join(app.files, 'visit.pdf')
app.key('ctrl+e', wait=1)
check(app.save_in_chooser('Export Summary as PDF', pdf), 'Ctrl+E exports the PDF from any view')
check(app.wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 1000, 15) is not None,
      'the PDF is written')
app.step('the export')
app.view = None

total = sum(app.counts.values())
for title, count in app.counts.items():
    note(f'keys on {title}: {count}')
note(f'keys in all: {total}')
check(total <= MOST_KEYS, f'the standard consultation takes {total} keys, at most {MOST_KEYS}')

text = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True, text=True).stdout \
    if os.path.exists(pdf) else ''
flat = ' '.join(text.split())
for words, what in (('IVB', 'the stage'),
                    ('pMMR / MSS', 'the MMR result'),
                    ('HER2-negative', 'the HER2 result'),
                    ('FOLFOX', 'the first treatment compared'),
                    ('Anti-EGFR', 'the second treatment compared'),
                    ('Diarrhea', 'the side effect to avoid'),
                    ('Living as long as possible', 'what matters most'),
                    ('Time with family and friends', 'the other value rated highest'),
                    ('share responsibility', 'the role in deciding'),
                    (QUESTION, 'the question for the visit')):
    check(words in flat, f'the PDF has {what}')
finish()
