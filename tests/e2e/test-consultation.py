#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A whole consultation, as the patient and the oncologist go through it
together: the situation and the tumor tests, the options and why one fits,
the side effects of two treatments and one figure as 100 people, what
matters, the readiness check, questions for the visit; then the worksheet
is saved, my options at a glance are read cell by cell, the summary is
exported, and both files are read back.

Every control is found by its accessible role and name, as a screen
reader finds it, and worked through AT-SPI where GTK 4.8 offers an action
(buttons, switches, tabs) and by the keyboard where it does not (check
boxes, combo rows, text)."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from otdriver import App, check, elapsed, finish, is_checked, note, texts, time_limit  # noqa: E402

FOLFOX = 'FOLFOX (5-FU, leucovorin and oxaliplatin)'
ANTI_EGFR = 'Anti-EGFR drugs (cetuximab, panitumumab)'
CAPOX = 'CAPOX, also called XELOX (capecitabine and oxaliplatin)'
FOLFIRI = 'FOLFIRI (5-FU, leucovorin and irinotecan)'
EGFR_REASON = ('For left-sided or rectal cancer with no RAS or BRAF change, chemotherapy with an '
               'anti-EGFR drug is a usual first choice. It is given with FOLFOX or FOLFIRI, not with the '
               'three-drug plan FOLFOXIRI.')
SHARED_ROLE = 'I prefer that my doctor and I share responsibility for deciding which treatment is best for me.'
QUESTION = 'Which side effects are serious, and when should I call?'
NOTES = 'Ask about a cream for the rash.'

time_limit(540)
app = App()
app.focus_window()

# My Situation: where it has spread, then the stage it suggests.
view = app.show_view('My Situation')
spread = app.find('list item', 'Where It Has Spread', view)
check(app.tab_to(spread) is not None, 'Tab reaches “Where It Has Spread”')
app.key('space')
check(app.tick(app.find('check box', 'Liver', view)), 'the liver is ticked by keyboard')
check(app.tick(app.find('check box', 'Lungs', view)), 'the lungs are ticked by keyboard')
suggestion = app.wait_for(lambda: app.find_all('push button', 'Use Stage IVB', view), 5)
check(bool(suggestion), 'liver and lungs suggest stage IVB, as a button')
if suggestion:
    app.act(suggestion[0], 'click')
stage = app.find('combo box', 'Stage', view)
check(app.wait_for(lambda: app.combo_value(stage) == 'Stage IVB', 5) is not None,
      'the suggestion sets the stage; the person chose it')

# The tumor and its test results, from the report.
for row, value in (('Where It Started', 'Left side of the colon'),
                   ('MMR / MSI', 'pMMR / MSS'),
                   ('RAS (KRAS and NRAS)', 'No RAS change (RAS wild-type)'),
                   ('BRAF', 'No BRAF V600E change')):
    check(app.choose(app.find('combo box', row, view), value), f'“{row}” set to “{value}” from its list')

# The names: entries GTK 4.8 does not report focus for, right after the switch.
survival = app.find('check box', 'Show Survival Numbers', view)
check(app.tab_to(survival) is not None and not is_checked(survival),
      'survival numbers stay hidden until asked for')
app.key('Tab')
app.type('Ana Silva')
app.key('Tab')
app.type('Dr Lee')

note(f'{elapsed():.0f} s: Options')
# Options: the fit follows the test results, and the badge says why.
view = app.show_view('Options')
for category in ('Chemotherapy', 'Targeted therapy'):
    app.act(app.find_actionable('push button', category, view), 'click')
grid = app.find('panel', 'Treatment options compared', view)
headings = texts(grid)
check('Chemotherapy' in headings and 'Targeted therapy' in headings and 'Immunotherapy' not in headings,
      'comparing two categories shows just those two')
badge_name = f'{ANTI_EGFR}: Likely to help. Show why'
badge = app.wait_for(lambda: app.find_actionable('push button', badge_name, view), 5)
check(badge is not None, 'with RAS and BRAF unchanged on the left, anti-EGFR drugs are likely to help')
if badge is not None:
    check(badge.description == EGFR_REASON, 'the badge describes the reason')
    # Tab brings it into view: a popover cannot be placed off screen.
    check(app.tab_to(badge) is not None, 'Tab reaches the badge')
    app.act(badge, 'click')
    popover = app.popover(badge.parent)
    shown = texts(popover) if popover else []
    check(EGFR_REASON in shown, 'opening the badge shows the reason in words')
    check(any(t.startswith('Source: American Society of Clinical Oncology') for t in shown),
          'and the source of the reason')
    app.key('Escape')

note(f'{elapsed():.0f} s: Side Effects')
# Side Effects: it starts from the treatments likely to help among those
# compared on Options; two of them are kept, one side effect to avoid, a
# figure as 100 people.
view = app.show_view('Side Effects')
# In a small window the sidebar folds away for the chart's columns.
check(app.open_sidebar(view), 'the sidebar’s choices show')
for treatment in (FOLFOX, CAPOX, FOLFIRI, ANTI_EGFR):
    check(is_checked(app.find('check box', treatment, view)), f'“{treatment}” is ticked from Options')
for treatment in (CAPOX, FOLFIRI):
    check(not app.tick(app.find('check box', treatment, view)), f'“{treatment}” unticked by keyboard')
check(app.tick(app.find('check box', 'Diarrhea', view)), 'diarrhea marked as a side effect to avoid')
chart = app.find('image', 'Side-effect chart', view)
check(FOLFOX in chart.description and ANTI_EGFR in chart.description,
      'the chart’s description names both treatments')
check(app.tab_to(chart) is not None, 'Tab reaches the chart')
check(chart.description.startswith('About '), 'on the chart, the first figure is read out in words')
app.key('Right')
check(chart.description.startswith('About ') and 'anti-EGFR' in chart.description,
      'the arrow keys move to the next treatment’s figure')
app.key('Return')
people = app.wait_for(lambda: next(n for n in app.find_all('image', '100 people', view)
                                   if 'in 100 people' in n.description), 5)
check(people is not None, 'Enter shows the figure as 100 people, described in words')
check(bool(app.find_all('label', f'Diarrhea with {ANTI_EGFR}', view)),
      'the 100 people are headed by the side effect and the treatment')

note(f'{elapsed():.0f} s: What Matters to Me')
# What Matters to Me.
view = app.show_view('What Matters to Me')
for item in ('Living as long as possible', 'Time with family and friends'):
    button = next(b for b in app.find_all('push button', 'Very important', view) if b.description == item)
    app.act(button, 'click')
check(app.wait_for(lambda: any('What matters most to you:' in t and 'Time with family and friends' in t
                               for t in texts(view)), 5) is not None,
      'the top of what matters shows the two rated “very”')
check(app.tick(app.find('check box', SHARED_ROLE, view)), 'the role in deciding chosen by keyboard')
for question, answer in (('Do you feel SURE about the best choice for you?', 'Yes'),
                         ('Do you know the benefits and risks of each option?', 'Yes'),
                         ('Are you clear about which benefits and risks matter most to you?', 'Yes'),
                         ('Do you have enough support and advice to make a choice?', 'No')):
    app.act(next(b for b in app.find_all('push button', answer, view) if b.description == question), 'click')
check(app.wait_for(lambda: app.find_all('label', 'You answered “no” to at least one question. This suggests '
                                        'you may want more information or support before you decide. Many '
                                        'people feel this way; tell your care team what you need.', view), 5),
      'the readiness check says what the answers suggest')
topic = app.find('list item', 'Side effects', view)
app.tab_to(topic)
app.key('space')
check(app.tick(app.find('check box', QUESTION, view)), 'a question for the visit ticked by keyboard')
check(app.wait_for(lambda: app.find_all('push button', f'Remove “{QUESTION}”', view), 5),
      'it is listed under My Questions, with a named Remove button')
notes = app.find('text', 'Notes', view)
check(app.tab_to(notes) is not None, 'Tab reaches the notes')
app.type(NOTES)

note(f'{elapsed():.0f} s: Save As, by')
# Save As, by its shortcut: the file chooser takes the path typed.
worksheet = os.path.join(app.files, 'visit.optiontalk')
app.key('ctrl+shift+s', wait=1)
check(app.save_in_chooser('Save Worksheet', worksheet), 'the worksheet is saved through the file chooser')
check(app.wait_for(lambda: app.main_window().name == 'visit.optiontalk — Option Talk', 5) is not None,
      'the title names the saved file, with no unsaved mark')

note(f'{elapsed():.0f} s: Summary')
view = app.show_view('Summary')


def glance_cell(option, row):
    """The text of the cell of @option in @row of my options at a glance,
    found the way a screen reader reads it: “option, row: what it says”."""
    opening = f'{option}, {row}: '
    cell = next((n for n in app.find_all('label', None, view) if n.name.startswith(opening)), None)
    return cell.name[len(opening):] if cell is not None else ''


# My options at a glance, read cell by cell through the accessibility tree.
check(app.wait_for(lambda: glance_cell(ANTI_EGFR, 'How it fits your test results'), 10)
      == 'Likely to help. ' + EGFR_REASON.split('. ')[0] + '.',
      'at a glance, the anti-EGFR drugs’ cell on test results says they are likely to help, and why')
check(glance_cell(FOLFOX, 'How it fits your test results').startswith('Likely to help. '),
      'so does FOLFOX’s, in its own column')
benefit = glance_cell(ANTI_EGFR, 'Chance of benefit')
people = next((n for n in app.find_all('image', ANTI_EGFR, view) if n.description.startswith('A picture of 100')),
              None)
figure = people.description.split(': ', 1)[1].replace(' coloured', '') if people is not None else '-'
check(figure.endswith(' in 100') and figure.capitalize() in benefit,
      f'the chance of benefit is in words and as 100 people, “{figure}” in both')
check(glance_cell(FOLFOX, 'Main side effects (★ the ones you want to avoid)').startswith('★ Diarrhea'),
      'the side effect the person wants to avoid comes first, starred')
for option in (FOLFOX, ANTI_EGFR):
    check(glance_cell(option, 'What matters most to you').startswith('Living as long as possible: '),
          f'what matters most to the person is shown against {option.split(" ")[0]}')
check(any('Time with family and friends' in t and 'Nothing in our sources links' in t for t in texts(view)),
      'the value nothing links to an option is named under the grid')

# Summary: export the PDF.
pdf = os.path.join(app.files, 'visit.pdf')
app.act(app.find_actionable('push button', 'Export PDF…', view), 'click')
check(app.save_in_chooser('Export Summary as PDF', pdf), 'the summary is exported through the file chooser')
check(app.wait_for(lambda: app.find_all('label', 'Saved “visit.pdf”', view), 15), 'a toast says it was saved')
check(app.quit() == 0, 'the application exits cleanly, with nothing left unsaved')

note(f'{elapsed():.0f} s: The saved worksheet')
# The saved worksheet, read back.
root = ET.parse(worksheet).getroot() if os.path.exists(worksheet) else ET.Element('none')
situation = root.find('situation')
check(situation is not None and situation.findtext('substage') == 'ivb', 'the file has stage IVB')
check(situation is not None and [s.text for s in situation.findall('site')] == ['liver', 'lung'],
      'the file has the liver and the lungs')
check(situation is not None and situation.findtext('side') == 'left', 'the file has the left colon')
results = {b.get('id'): b.get('result') for b in root.iter('biomarker')}
check(results == {'mmr': 'pmmr', 'ras': 'wild-type', 'braf': 'wild-type'},
      f'the file has the three test results ({results})')
check(situation is not None and situation.findtext('patient-name') == 'Ana Silva'
      and situation.findtext('clinician-name') == 'Dr Lee', 'the file has both names as typed')
compare = root.find('compare')
check(compare is not None and [c.get('id') for c in compare.findall('category')] == ['chemotherapy', 'targeted'],
      'the file has the two categories compared')
check(compare is not None and [t.get('id') for t in compare.findall('treatment')] == ['folfox', 'anti-egfr'],
      'the file has the two treatments compared')
check(compare is not None and [e.get('id') for e in compare.findall('avoid-effect')] == ['diarrhea'],
      'the file has the side effect to avoid')
ratings = {v.get('id'): v.get('rating') for v in root.iter('value')}
check(ratings == {'live-longer': '4', 'family-time': '4'}, f'the file has the two ratings ({ratings})')
role = root.find('role')
check(role is not None and role.get('id') == 'shared', 'the file has the role in deciding')
answers = {a.get('item'): a.text for a in root.iter('answer')}
check(answers == {'sure': 'yes', 'understand': 'yes', 'risk-benefit': 'yes', 'encouragement': 'no'},
      'the file has the four readiness answers')
check([q.get('id') for q in root.iter('question')] == ['q-se-serious'], 'the file has the question chosen')
check(root.findtext('notes') == NOTES, 'the file has the notes as typed')
check(root.find('leaning') is None, 'no option is marked as leaned toward: none was chosen')

# The PDF's text.
text = subprocess.run(['pdftotext', '-enc', 'UTF-8', pdf, '-'], capture_output=True, text=True).stdout \
    if os.path.exists(pdf) else ''
flat = ' '.join(text.split())
note(f'the PDF has {len(text)} characters of text')
for words, what in (('Ana Silva', 'the patient’s name'),
                    ('Dr Lee', 'the oncologist’s name'),
                    ('IVB', 'the stage'),
                    ('pMMR / MSS', 'the MMR result'),
                    ('FOLFOX', 'the first treatment compared'),
                    ('Anti-EGFR', 'the second treatment compared'),
                    ('Living as long as possible', 'what matters most'),
                    (QUESTION, 'the question for the visit'),
                    (NOTES, 'the notes')):
    check(words in flat, f'the PDF has {what}')

finish()
