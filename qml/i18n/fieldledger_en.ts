<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ChecklistItemDelegate</name>
    <message numerus="yes">
        <source>%n finding(s), −%1 of at most %2</source>
        <translation>
            <numerusform>%n finding, −%1 of at most %2</numerusform>
            <numerusform>%n findings, −%1 of at most %2</numerusform>
        </translation>
    </message>
    <message>
        <source>At most −%1</source>
        <comment>maximum deduction of an item</comment>
        <translation>At most −%1</translation>
    </message>
    <message>
        <source>Record a finding</source>
        <translation>Record a finding</translation>
    </message>
    <message>
        <source>%1 of %2 items with findings</source>
        <translation>%1 of %2 items with findings</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <source>No checklist</source>
        <translation>No checklist</translation>
    </message>
    <message>
        <source>The round&apos;s checklist arrives with the visit when the tablet syncs.</source>
        <translation>The round&apos;s checklist arrives with the visit when the tablet syncs.</translation>
    </message>
</context>
<context>
    <name>FindingDelegate</name>
    <message>
        <source>%1 · %2 · due %3</source>
        <comment>item code · severity · due date</comment>
        <translation>%1 · %2 · due %3</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>item code · severity</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>points deducted</comment>
        <translation>−%1</translation>
    </message>
</context>
<context>
    <name>FindingEditorPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>New finding</source>
        <translation>New finding</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Saved automatically</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Not saved yet</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <source>Checklist item</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Choose the item this finding falls under</source>
        <translation>Choose the item this finding falls under</translation>
    </message>
    <message>
        <source>%1 · deduction at most %2</source>
        <comment>checklist level · maximum deduction</comment>
        <translation>%1 · deduction at most %2</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>What is wrong, in one line</source>
        <translation>What is wrong, in one line</translation>
    </message>
    <message>
        <source>Deduction (points)</source>
        <translation>Deduction (points)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>0 to %1</source>
        <translation>0 to %1</translation>
    </message>
    <message>
        <source>Responsible unit or person</source>
        <translation>Responsible unit or person</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>What was seen, where, and on what evidence</source>
        <translation>What was seen, where, and on what evidence</translation>
    </message>
    <message>
        <source>Rectification status: %1</source>
        <translation>Rectification status: %1</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Findings (%1)</source>
        <comment>list header with the number of findings</comment>
        <translation>Findings (%1)</translation>
    </message>
    <message>
        <source>No findings yet</source>
        <translation>No findings yet</translation>
    </message>
    <message>
        <source>Tap a checklist item to record a finding under it.</source>
        <translation>Tap a checklist item to record a finding under it.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Party group (committee)</source>
        <comment>checklist level 1: 党组（党委）</comment>
        <translation>Party group (committee)</translation>
    </message>
    <message>
        <source>Organ party committee</source>
        <comment>checklist level 2: 机关党委</comment>
        <translation>Organ party committee</translation>
    </message>
    <message>
        <source>Grassroots party organisations</source>
        <comment>checklist level 3: 基层党组织</comment>
        <translation>Grassroots party organisations</translation>
    </message>
    <message>
        <source>Open</source>
        <comment>finding status: recorded, rectification not started</comment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Rectifying</source>
        <comment>finding status: 整改中</comment>
        <translation>Rectifying</translation>
    </message>
    <message>
        <source>Awaiting verification</source>
        <comment>finding status: 待验收</comment>
        <translation>Awaiting verification</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>finding status: 销号</comment>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Minor</source>
        <comment>finding severity</comment>
        <translation>Minor</translation>
    </message>
    <message>
        <source>Moderate</source>
        <comment>finding severity</comment>
        <translation>Moderate</translation>
    </message>
    <message>
        <source>Serious</source>
        <comment>finding severity</comment>
        <translation>Serious</translation>
    </message>
    <message>
        <source>Planned</source>
        <comment>visit status</comment>
        <translation>Planned</translation>
    </message>
    <message>
        <source>In progress</source>
        <comment>visit status</comment>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>visit status</comment>
        <translation>Completed</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>FieldLedger</source>
        <comment>window title; the product name 督查台账</comment>
        <translation>FieldLedger</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Score</source>
        <comment>the unit&apos;s score on this visit (得分)</comment>
        <translation>Score</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <comment>score / base</comment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>points deducted</comment>
        <translation>−%1</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>FieldLedger</source>
        <comment>product name 督查台账</comment>
        <translation>FieldLedger</translation>
    </message>
    <message>
        <source>Choose a passphrase. It encrypts everything on this tablet; without it nobody, including you, can read the data.</source>
        <translation>Choose a passphrase. It encrypts everything on this tablet; without it nobody, including you, can read the data.</translation>
    </message>
    <message>
        <source>Enter your passphrase to unlock.</source>
        <translation>Enter your passphrase to unlock.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Repeat the passphrase</source>
        <translation>Repeat the passphrase</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Creating…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>Create and unlock</source>
        <translation>Create and unlock</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>Next try in %n second.</numerusform>
            <numerusform>Next try in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Locks itself after %n minute(s) without use and when the app goes to the background.</source>
        <translation>
            <numerusform>Locks itself after %n minute without use and when the app goes to the background.</numerusform>
            <numerusform>Locks itself after %n minutes without use and when the app goes to the background.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>visit date · team</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not synced</source>
        <comment>changes of this visit not yet synced</comment>
        <translation>
            <numerusform>%n not synced</numerusform>
            <numerusform>%n not synced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitListPage</name>
    <message>
        <source>Visits</source>
        <comment>page title: the inspector&apos;s visits (走访)</comment>
        <translation>Visits</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet synced</source>
        <translation>
            <numerusform>%n change not yet synced</numerusform>
            <numerusform>%n changes not yet synced</numerusform>
        </translation>
    </message>
    <message>
        <source>Lock</source>
        <comment>action: lock the vault now</comment>
        <translation>Lock</translation>
    </message>
    <message>
        <source>No visits yet</source>
        <translation>No visits yet</translation>
    </message>
    <message>
        <source>Visits assigned to this tablet appear here after a sync with the inspection office.</source>
        <translation>Visits assigned to this tablet appear here after a sync with the inspection office.</translation>
    </message>
</context>
<context>
    <name>VisitPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <comment>visit date · round · status</comment>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Score and findings</source>
        <translation>Score and findings</translation>
    </message>
    <message>
        <source>This visit is not on this tablet</source>
        <translation>This visit is not on this tablet</translation>
    </message>
    <message>
        <source>Go back and choose a visit from the list.</source>
        <translation>Go back and choose a visit from the list.</translation>
    </message>
</context>
<context>
    <name>fl::app::AppServices</name>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases: wait until the countdown ends.</source>
        <translation>Too many wrong passphrases: wait until the countdown ends.</translation>
    </message>
    <message>
        <source>Could not create the data folder %1.</source>
        <translation>Could not create the data folder %1.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong passphrase (%n failed attempt(s) in a row).</source>
        <translation>
            <numerusform>Wrong passphrase (%n failed attempt).</numerusform>
            <numerusform>Wrong passphrase (%n failed attempts in a row).</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked. Unlock to continue.</source>
        <translation>Locked. Unlock to continue.</translation>
    </message>
</context>
<context>
    <name>fl::app::FindingEditor</name>
    <message>
        <source>Enter the deduction as a number, for example 2 or 2.5.</source>
        <translation>Enter the deduction as a number, for example 2 or 2.5.</translation>
    </message>
    <message>
        <source>Enter the due date as YYYY-MM-DD, for example 2026-12-31.</source>
        <translation>Enter the due date as YYYY-MM-DD, for example 2026-12-31.</translation>
    </message>
    <message>
        <source>Locked: this change is kept here and saved when you unlock.</source>
        <translation>Locked: this change is kept here and saved when you unlock.</translation>
    </message>
</context>
<context>
    <name>fl::app::PassphraseMeter</name>
    <message numerus="yes">
        <source>Too short: use at least %n characters; a few words are easy to type and hard to guess.</source>
        <translation>
            <numerusform>Too short: use at least %n character; a few words are easy to type and hard to guess.</numerusform>
            <numerusform>Too short: use at least %n characters; a few words are easy to type and hard to guess.</numerusform>
        </translation>
    </message>
    <message>
        <source>Weak: add another word, or mix in digits, capitals or punctuation.</source>
        <translation>Weak: add another word, or mix in digits, capitals or punctuation.</translation>
    </message>
    <message>
        <source>Fair: one or two more words make it much stronger.</source>
        <translation>Fair: one or two more words make it much stronger.</translation>
    </message>
    <message>
        <source>Good.</source>
        <translation>Good.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Strong.</translation>
    </message>
</context>
<context>
    <name>fl::app::VisitListModel</name>
    <message>
        <source>%1 – %2</source>
        <comment>round period: start – end</comment>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>fl::lifecycle</name>
    <message>
        <source>open</source>
        <comment>finding status</comment>
        <translation>open</translation>
    </message>
    <message>
        <source>rectifying</source>
        <comment>finding status</comment>
        <translation>rectifying</translation>
    </message>
    <message>
        <source>awaiting verification</source>
        <comment>finding status</comment>
        <translation>awaiting verification</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>finding status</comment>
        <translation>closed</translation>
    </message>
    <message>
        <source>in an unknown state</source>
        <comment>finding status</comment>
        <translation>in an unknown state</translation>
    </message>
    <message>
        <source>start rectification</source>
        <comment>finding action</comment>
        <translation>start rectification</translation>
    </message>
    <message>
        <source>submit for verification</source>
        <comment>finding action</comment>
        <translation>submit for verification</translation>
    </message>
    <message>
        <source>verification passed</source>
        <comment>finding action</comment>
        <translation>verification passed</translation>
    </message>
    <message>
        <source>verification not passed</source>
        <comment>finding action</comment>
        <translation>verification not passed</translation>
    </message>
    <message>
        <source>an unknown action</source>
        <comment>finding action</comment>
        <translation>an unknown action</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be put into rectification; only a finding that is %2 can.</source>
        <translation>A finding that is %1 cannot be put into rectification; only a finding that is %2 can.</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be submitted for verification; only a finding that is %2 can.</source>
        <translation>A finding that is %1 cannot be submitted for verification; only a finding that is %2 can.</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be verified as passed; only a finding that is %2 can.</source>
        <translation>A finding that is %1 cannot be verified as passed; only a finding that is %2 can.</translation>
    </message>
    <message>
        <source>A finding that is %1 cannot be verified as not passed; only a finding that is %2 can.</source>
        <translation>A finding that is %1 cannot be verified as not passed; only a finding that is %2 can.</translation>
    </message>
    <message>
        <source>The action &quot;%1&quot; is not known.</source>
        <translation>The action &quot;%1&quot; is not known.</translation>
    </message>
    <message>
        <source>A closed finding is final.</source>
        <translation>A closed finding is final.</translation>
    </message>
    <message>
        <source>The step is recorded as going from %1 to %2, but &quot;%3&quot; takes a finding that is %1 to %4.</source>
        <translation>The step is recorded as going from %1 to %2, but &quot;%3&quot; takes a finding that is %1 to %4.</translation>
    </message>
    <message>
        <source>Record who took this step: the person&apos;s name is missing.</source>
        <translation>Record who took this step: the person&apos;s name is missing.</translation>
    </message>
    <message>
        <source>A verification needs a note saying what was checked.</source>
        <translation>A verification needs a note saying what was checked.</translation>
    </message>
</context>
<context>
    <name>fl::validation</name>
    <message>
        <source>party group</source>
        <comment>level</comment>
        <translation>party group</translation>
    </message>
    <message>
        <source>organ party committee</source>
        <comment>level</comment>
        <translation>organ party committee</translation>
    </message>
    <message>
        <source>grassroots party organisation</source>
        <comment>level</comment>
        <translation>grassroots party organisation</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>level</comment>
        <translation>unknown</translation>
    </message>
    <message>
        <source>The finding needs a title.</source>
        <translation>The finding needs a title.</translation>
    </message>
    <message>
        <source>Choose the checklist item this finding falls under.</source>
        <translation>Choose the checklist item this finding falls under.</translation>
    </message>
    <message>
        <source>The finding is filed under checklist item %1, not under item %2.</source>
        <translation>The finding is filed under checklist item %1, not under item %2.</translation>
    </message>
    <message>
        <source>The finding belongs to visit %1, not to visit %2.</source>
        <translation>The finding belongs to visit %1, not to visit %2.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>The finding is on the %1 level, but item %2 belongs to the %3 level.</source>
        <translation>The finding is on the %1 level, but item %2 belongs to the %3 level.</translation>
    </message>
    <message>
        <source>The deduction must be a number.</source>
        <translation>The deduction must be a number.</translation>
    </message>
    <message>
        <source>Deduction %1 is negative; enter 0 or more.</source>
        <translation>Deduction %1 is negative; enter 0 or more.</translation>
    </message>
    <message>
        <source>Deduction %1 exceeds the maximum of %2 for item %3.</source>
        <translation>Deduction %1 exceeds the maximum of %2 for item %3.</translation>
    </message>
    <message>
        <source>The due date %1 is before the visit on %2.</source>
        <translation>The due date %1 is before the visit on %2.</translation>
    </message>
    <message>
        <source>The round needs a name.</source>
        <translation>The round needs a name.</translation>
    </message>
    <message>
        <source>The round ends on %1, before it starts on %2.</source>
        <translation>The round ends on %1, before it starts on %2.</translation>
    </message>
    <message>
        <source>The base score %1 for the %2 level must be greater than 0.</source>
        <translation>The base score %1 for the %2 level must be greater than 0.</translation>
    </message>
    <message>
        <source>The checklist item needs a code, such as 1.2.3.</source>
        <translation>The checklist item needs a code, such as 1.2.3.</translation>
    </message>
    <message>
        <source>Checklist item %1 needs a text saying what is checked.</source>
        <translation>Checklist item %1 needs a text saying what is checked.</translation>
    </message>
    <message>
        <source>Checklist item %1 has an unknown level (%2).</source>
        <translation>Checklist item %1 has an unknown level (%2).</translation>
    </message>
    <message>
        <source>The maximum deduction %1 for item %2 must be greater than 0.</source>
        <translation>The maximum deduction %1 for item %2 must be greater than 0.</translation>
    </message>
    <message>
        <source>The unit needs a name.</source>
        <translation>The unit needs a name.</translation>
    </message>
    <message>
        <source>Choose the unit this visit is to.</source>
        <translation>Choose the unit this visit is to.</translation>
    </message>
    <message>
        <source>The visit needs a date.</source>
        <translation>The visit needs a date.</translation>
    </message>
    <message>
        <source>The interview note needs the name of the person interviewed.</source>
        <translation>The interview note needs the name of the person interviewed.</translation>
    </message>
    <message>
        <source>The interview note with %1 has no content.</source>
        <translation>The interview note with %1 has no content.</translation>
    </message>
</context>
</TS>
