<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CameraPage</name>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Take photos</source>
        <translation>Take photos</translation>
    </message>
    <message>
        <source>The camera could not be opened: it may be in use by another app, or camera access is not allowed for this app. Allow it in the system settings, or import photos from files.</source>
        <translation>The camera could not be opened: it may be in use by another app, or camera access is not allowed for this app. Allow it in the system settings, or import photos from files.</translation>
    </message>
    <message>
        <source>The photo was not taken. Try again.</source>
        <translation>The photo was not taken. Try again.</translation>
    </message>
    <message>
        <source>The camera cannot be used</source>
        <translation>The camera cannot be used</translation>
    </message>
    <message>
        <source>No camera on this device</source>
        <translation>No camera on this device</translation>
    </message>
    <message>
        <source>Photos can still be added from files: choose “Add photo…” to import a JPEG or PNG.</source>
        <translation>Photos can still be added from files: choose “Add photo…” to import a JPEG or PNG.</translation>
    </message>
    <message>
        <source>Import from a file instead</source>
        <translation>Import from a file instead</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) saved, encrypted.</source>
        <translation>
            <numerusform>%n photo saved, encrypted.</numerusform>
            <numerusform>%n photos saved, encrypted.</numerusform>
        </translation>
    </message>
    <message>
        <source>No camera</source>
        <translation>No camera</translation>
    </message>
    <message>
        <source>Camera unavailable</source>
        <translation>Camera unavailable</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Take photo</translation>
    </message>
</context>
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
    <name>ConflictDelegate</name>
    <message>
        <source>%1 “%2” · %3</source>
        <comment>record type, record title, field name</comment>
        <translation>%1 “%2” · %3</translation>
    </message>
    <message>
        <source>In force</source>
        <comment>the value a conflict&apos;s field has now</comment>
        <translation>In force</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Keep this</translation>
    </message>
    <message>
        <source>Other value</source>
        <comment>the concurrent value that lost</comment>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Use this</source>
        <translation>Use this</translation>
    </message>
</context>
<context>
    <name>DashboardPanel</name>
    <message>
        <source>Counting the findings of every round…</source>
        <translation>Counting the findings of every round…</translation>
    </message>
    <message>
        <source>No rounds on this device yet</source>
        <translation>No rounds on this device yet</translation>
    </message>
    <message>
        <source>Rounds, their units and visits appear here once they are planned here or synced from the inspection office.</source>
        <translation>Rounds, their units and visits appear here once they are planned here or synced from the inspection office.</translation>
    </message>
    <message>
        <source>Rounds</source>
        <comment>count of inspection rounds (轮次)</comment>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>Units</source>
        <comment>count of inspected units</comment>
        <translation>Units</translation>
    </message>
    <message>
        <source>Visits</source>
        <comment>count of visits (走访)</comment>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Findings</source>
        <comment>count of findings (问题)</comment>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Rectification rate</source>
        <comment>整改率: closed ÷ all findings</comment>
        <translation>Rectification rate</translation>
    </message>
    <message>
        <source>Overdue</source>
        <comment>count of findings past their due date</comment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Rectification rate per round</source>
        <translation>Rectification rate per round</translation>
    </message>
    <message>
        <source>No rounds yet.</source>
        <translation>No rounds yet.</translation>
    </message>
    <message>
        <source>Rectification rate per unit</source>
        <translation>Rectification rate per unit</translation>
    </message>
    <message>
        <source>No findings recorded yet: rates appear with the first finding.</source>
        <translation>No findings recorded yet: rates appear with the first finding.</translation>
    </message>
    <message>
        <source>Unit scores</source>
        <comment>heading: each unit&apos;s score, base minus deductions</comment>
        <translation>Unit scores</translation>
    </message>
</context>
<context>
    <name>EnrolCodeCard</name>
    <message>
        <source>Enrol a new device</source>
        <comment>设备注册</comment>
        <translation>Enrol a new device</translation>
    </message>
    <message>
        <source>Inspector&apos;s tablet</source>
        <translation>Inspector&apos;s tablet</translation>
    </message>
    <message>
        <source>Office console</source>
        <translation>Office console</translation>
    </message>
    <message>
        <source>Valid 24 hours</source>
        <translation>Valid 24 hours</translation>
    </message>
    <message>
        <source>Valid 3 days</source>
        <translation>Valid 3 days</translation>
    </message>
    <message>
        <source>Valid 7 days</source>
        <translation>Valid 7 days</translation>
    </message>
    <message>
        <source>Issue enrolment code</source>
        <translation>Issue enrolment code</translation>
    </message>
    <message>
        <source>One-time code for %1:</source>
        <comment>the code is for: a device kind</comment>
        <translation>One-time code for %1:</translation>
    </message>
    <message>
        <source>Valid until %1. It works once; the server keeps no readable copy.</source>
        <translation>Valid until %1. It works once; the server keeps no readable copy.</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copied.</translation>
    </message>
    <message>
        <source>On the new tablet: Settings → Device enrolment, the server address %1 and this code.</source>
        <translation>On the new tablet: Settings → Device enrolment, the server address %1 and this code.</translation>
    </message>
</context>
<context>
    <name>EnrolmentForm</name>
    <message>
        <source>Enrolled with %1 as an %2.</source>
        <comment>server address, device role</comment>
        <translation>Enrolled with %1 as an %2.</translation>
    </message>
    <message>
        <source>Not enrolled: everything stays on this tablet until it is.</source>
        <translation>Not enrolled: everything stays on this tablet until it is.</translation>
    </message>
    <message>
        <source>Name of this tablet, as the office will see it</source>
        <translation>Name of this tablet, as the office will see it</translation>
    </message>
    <message>
        <source>Enrolling…</source>
        <translation>Enrolling…</translation>
    </message>
    <message>
        <source>Enrol again</source>
        <translation>Enrol again</translation>
    </message>
    <message>
        <source>Enrol</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>e.g. https://sync.example.org</source>
        <comment>example server address</comment>
        <translation>e.g. https://sync.example.org</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>One-time code</translation>
    </message>
    <message>
        <source>From the inspection office, e.g. XWJP-A4V2-FT8A-7BM3</source>
        <translation>From the inspection office, e.g. XWJP-A4V2-FT8A-7BM3</translation>
    </message>
    <message>
        <source>e.g. Team 2 tablet</source>
        <comment>example device name</comment>
        <translation>e.g. Team 2 tablet</translation>
    </message>
</context>
<context>
    <name>EnrolmentPage</name>
    <message>
        <source>Enrol this tablet</source>
        <translation>Enrol this tablet</translation>
    </message>
    <message>
        <source>To receive visits and send findings, enrol this tablet with the inspection office&apos;s sync server. You can skip this: the app works offline, and you can enrol later in Settings.</source>
        <translation>To receive visits and send findings, enrol this tablet with the inspection office&apos;s sync server. You can skip this: the app works offline, and you can enrol later in Settings.</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Skip for now</translation>
    </message>
</context>
<context>
    <name>ExportResultDialog</name>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>The export did not succeed</source>
        <translation>The export did not succeed</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exported</translation>
    </message>
</context>
<context>
    <name>FieldText</name>
    <message>
        <source>Round</source>
        <comment>record type: 轮次</comment>
        <translation>Round</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <comment>record type</comment>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Inspected unit</source>
        <comment>record type: 被督查单位</comment>
        <translation>Inspected unit</translation>
    </message>
    <message>
        <source>Visit</source>
        <comment>record type: 走访</comment>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Finding</source>
        <comment>record type: 问题</comment>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Rectification step</source>
        <comment>record type: a status change of a finding</comment>
        <translation>Rectification step</translation>
    </message>
    <message>
        <source>Interview note</source>
        <comment>record type: 谈话记录</comment>
        <translation>Interview note</translation>
    </message>
    <message>
        <source>Photo</source>
        <comment>record type: evidence photo</comment>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Title</source>
        <comment>field of a finding</comment>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <comment>field of a finding</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Category</source>
        <comment>field</comment>
        <translation>Category</translation>
    </message>
    <message>
        <source>Severity</source>
        <comment>field of a finding</comment>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Deduction</source>
        <comment>field of a finding: 扣分</comment>
        <translation>Deduction</translation>
    </message>
    <message>
        <source>Responsible unit or person</source>
        <comment>field: 责任单位/责任人</comment>
        <translation>Responsible unit or person</translation>
    </message>
    <message>
        <source>Due date</source>
        <comment>field: 整改时限</comment>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>field</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Level</source>
        <comment>field: checklist level</comment>
        <translation>Level</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <comment>field of a finding</comment>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>Location</source>
        <comment>field</comment>
        <translation>Location</translation>
    </message>
    <message>
        <source>Name</source>
        <comment>field</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date</source>
        <comment>field</comment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Team</source>
        <comment>field of a visit: 督查组</comment>
        <translation>Team</translation>
    </message>
    <message>
        <source>Text</source>
        <comment>field of a checklist item</comment>
        <translation>Text</translation>
    </message>
    <message>
        <source>Maximum deduction</source>
        <comment>field of a checklist item</comment>
        <translation>Maximum deduction</translation>
    </message>
    <message>
        <source>Interviewee</source>
        <comment>field of an interview note</comment>
        <translation>Interviewee</translation>
    </message>
    <message>
        <source>Role</source>
        <comment>field of an interview note</comment>
        <translation>Role</translation>
    </message>
    <message>
        <source>Place</source>
        <comment>field of an interview note</comment>
        <translation>Place</translation>
    </message>
    <message>
        <source>What was said</source>
        <comment>field of an interview note</comment>
        <translation>What was said</translation>
    </message>
    <message>
        <source>Caption</source>
        <comment>field of a photo</comment>
        <translation>Caption</translation>
    </message>
    <message>
        <source>Contact</source>
        <comment>field of a unit</comment>
        <translation>Contact</translation>
    </message>
    <message>
        <source>(empty)</source>
        <comment>a field with no value</comment>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
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
    <message>
        <source>Evidence photos</source>
        <translation>Evidence photos</translation>
    </message>
    <message>
        <source>Photos can be added once the finding has a title.</source>
        <translation>Photos can be added once the finding has a title.</translation>
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
    <name>HistoryDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>who took the step · when</comment>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>InterviewDelegate</name>
    <message>
        <source>%1 (%2)</source>
        <comment>interviewee (position)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>interview time · place</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <comment>findings an interview note is linked to</comment>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s)</source>
        <translation>
            <numerusform>%n photo</numerusform>
            <numerusform>%n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewEditorPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>New interview note</source>
        <translation>New interview note</translation>
    </message>
    <message>
        <source>Interview note</source>
        <translation>Interview note</translation>
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
    <message>
        <source>Photos can be added once the note has the interviewee&apos;s name and some content.</source>
        <translation>Photos can be added once the note has the interviewee&apos;s name and some content.</translation>
    </message>
</context>
<context>
    <name>InterviewForm</name>
    <message>
        <source>Interviewee</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <source>Position</source>
        <comment>the interviewee&apos;s post (职务)</comment>
        <translation>Position</translation>
    </message>
    <message>
        <source>Name of the person interviewed</source>
        <translation>Name of the person interviewed</translation>
    </message>
    <message>
        <source>For example: secretary of the organ party committee</source>
        <translation>For example: secretary of the organ party committee</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>What was said</translation>
    </message>
    <message>
        <source>The conversation in the interviewee&apos;s words, as noted</source>
        <translation>The conversation in the interviewee&apos;s words, as noted</translation>
    </message>
</context>
<context>
    <name>InterviewsPanel</name>
    <message>
        <source>Interview notes (%1)</source>
        <comment>list header with the number of notes</comment>
        <translation>Interview notes (%1)</translation>
    </message>
    <message>
        <source>New interview note</source>
        <translation>New interview note</translation>
    </message>
    <message>
        <source>No interview notes yet</source>
        <translation>No interview notes yet</translation>
    </message>
    <message>
        <source>Record who was interviewed, when and where, and what was said.</source>
        <translation>Record who was interviewed, when and where, and what was said.</translation>
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
    <message>
        <source>Start rectification</source>
        <comment>finding action: the unit begins 整改</comment>
        <translation>Start rectification</translation>
    </message>
    <message>
        <source>Submit for verification</source>
        <comment>finding action: the unit reports it fixed</comment>
        <translation>Submit for verification</translation>
    </message>
    <message>
        <source>Verification passed</source>
        <comment>finding action: 验收通过</comment>
        <translation>Verification passed</translation>
    </message>
    <message>
        <source>Verification not passed</source>
        <comment>finding action: 验收不通过</comment>
        <translation>Verification not passed</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>finding status before → after</comment>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>LedgerDelegate</name>
    <message>
        <source>%1 · %2</source>
        <comment>unit · checklist item code</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>overdue since %1</source>
        <comment>due date passed</comment>
        <translation>overdue since %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>responsible party · due date</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>−%1</source>
        <comment>points deducted</comment>
        <translation>−%1</translation>
    </message>
</context>
<context>
    <name>LedgerDetailPanel</name>
    <message>
        <source>Back to the list</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>%1 · %2 · −%3</source>
        <comment>item code · severity · points deducted</comment>
        <translation>%1 · %2 · −%3</translation>
    </message>
    <message>
        <source>Responsible unit or person</source>
        <translation>Responsible unit or person</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Verify…</source>
        <comment>open the 验收 dialog</comment>
        <translation>Verify…</translation>
    </message>
    <message>
        <source>Edit the finding</source>
        <translation>Edit the finding</translation>
    </message>
    <message>
        <source>Closed (销号): no further step.</source>
        <comment>ledger: a closed finding</comment>
        <translation>Closed: no further step.</translation>
    </message>
    <message>
        <source>Rectification history</source>
        <translation>Rectification history</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>No step yet: the finding is as it was recorded.</source>
        <translation>No step yet: the finding is as it was recorded.</translation>
    </message>
    <message>
        <source>Evidence photos</source>
        <translation>Evidence photos</translation>
    </message>
    <message>
        <source>Choose a finding</source>
        <translation>Choose a finding</translation>
    </message>
    <message>
        <source>Its rectification history and next step show here.</source>
        <translation>Its rectification history and next step show here.</translation>
    </message>
</context>
<context>
    <name>LedgerFilterBar</name>
    <message>
        <source>Search titles</source>
        <translation>Search titles</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>Overdue only</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the whole ledger…</source>
        <translation>Reading the whole ledger…</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message numerus="yes">
        <source>%n finding(s) exported to %1</source>
        <translation>
            <numerusform>%n finding exported to %1</numerusform>
            <numerusform>%n findings exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Ledger</source>
        <comment>page title: the findings tracked until closed (台账)</comment>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <comment>toolbar action: save the ledger as a CSV file</comment>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>Export the ledger as CSV</source>
        <translation>Export the ledger as CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>No findings in this round yet</source>
        <translation>No findings in this round yet</translation>
    </message>
    <message>
        <source>No finding matches</source>
        <translation>No finding matches</translation>
    </message>
    <message>
        <source>Findings recorded on the round&apos;s visits are tracked here until they are closed.</source>
        <translation>Findings recorded on the round&apos;s visits are tracked here until they are closed.</translation>
    </message>
    <message>
        <source>Change the filters or the search to see more.</source>
        <translation>Change the filters or the search to see more.</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <comment>toolbar action: save the ledger as an Excel workbook</comment>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <source>Ledger exported to %1</source>
        <translation>Ledger exported to %1</translation>
    </message>
    <message>
        <source>Export the ledger as XLSX</source>
        <translation>Export the ledger as XLSX</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>LinkedFindingsPanel</name>
    <message>
        <source>Linked findings (%1 of %2)</source>
        <comment>ticked of all findings of the visit</comment>
        <translation>Linked findings (%1 of %2)</translation>
    </message>
    <message>
        <source>The visit has no findings yet.</source>
        <translation>The visit has no findings yet.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>item code, finding title</comment>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>LocationField</name>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <comment>no location</comment>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Finding position…</source>
        <translation>Finding position…</translation>
    </message>
    <message>
        <source>Refresh location</source>
        <translation>Refresh location</translation>
    </message>
    <message>
        <source>Use current location</source>
        <translation>Use current location</translation>
    </message>
    <message>
        <source>Clear location</source>
        <translation>Clear location</translation>
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
    <name>OfficeConsolePage</name>
    <message>
        <source>Dashboard</source>
        <comment>office console section: figures and charts</comment>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Visits</source>
        <comment>office console section: every visit (走访)</comment>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Ledger</source>
        <comment>office console section: the rounds&apos; ledgers (台账)</comment>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>Planning</source>
        <comment>office console section: rounds, checklists, units, visits</comment>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Sync</source>
        <comment>office console section: open the sync page</comment>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>office console section: open the settings</comment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Office console</source>
        <comment>page title: the inspection office&apos;s console (督查室)</comment>
        <translation>Office console</translation>
    </message>
    <message>
        <source>Refresh</source>
        <comment>action: read the figures again</comment>
        <translation>Refresh</translation>
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
        <source>Visits appear here once they are planned here or synced from the inspection office.</source>
        <translation>Visits appear here once they are planned here or synced from the inspection office.</translation>
    </message>
</context>
<context>
    <name>OverduePanel</name>
    <message>
        <source>Overdue</source>
        <comment>heading: findings past their due date, not closed</comment>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>the %1 most overdue of %2</source>
        <translation>the %1 most overdue of %2</translation>
    </message>
    <message>
        <source>No finding is past its due date.</source>
        <translation>No finding is past its due date.</translation>
    </message>
    <message>
        <source>due %1</source>
        <comment>due date of a finding</comment>
        <translation>due %1</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>Open in ledger</source>
        <comment>link: show this finding in the ledger</comment>
        <translation>Open in ledger</translation>
    </message>
</context>
<context>
    <name>PassphraseForm</name>
    <message>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Repeat the new passphrase</source>
        <translation>Repeat the new passphrase</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Changing…</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
</context>
<context>
    <name>PhotoFileDialog</name>
    <message>
        <source>Choose a photo</source>
        <translation>Choose a photo</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Photos (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>PhotoImageProvider</name>
    <message>
        <source>The app is closing.</source>
        <translation>The app is closing.</translation>
    </message>
    <message>
        <source>Locked. Unlock to see this photo.</source>
        <translation>Locked. Unlock to see this photo.</translation>
    </message>
    <message>
        <source>This photo is not on this tablet yet. It arrives with the next sync.</source>
        <translation>This photo is not on this tablet yet. It arrives with the next sync.</translation>
    </message>
    <message>
        <source>This photo&apos;s file is damaged and cannot be shown.</source>
        <translation>This photo&apos;s file is damaged and cannot be shown.</translation>
    </message>
    <message>
        <source>This photo address is not valid.</source>
        <translation>This photo address is not valid.</translation>
    </message>
    <message>
        <source>This photo was deleted or is not on this tablet.</source>
        <translation>This photo was deleted or is not on this tablet.</translation>
    </message>
    <message>
        <source>This photo could not be decoded. The rest of the record is not affected.</source>
        <translation>This photo could not be decoded. The rest of the record is not affected.</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Photos can be added once this is saved.</source>
        <translation>Photos can be added once this is saved.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>photo strip heading, count</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <source>Not on this tablet yet</source>
        <translation>Not on this tablet yet</translation>
    </message>
    <message>
        <source>No camera on this device</source>
        <translation>No camera on this device</translation>
    </message>
    <message>
        <source>Take photo…</source>
        <translation>Take photo…</translation>
    </message>
</context>
<context>
    <name>PhotoViewerPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
</context>
<context>
    <name>PlanningChecklistPanel</name>
    <message>
        <source>Item %1 added.</source>
        <translation>Item %1 added.</translation>
    </message>
    <message>
        <source>New checklist item</source>
        <comment>form title: a deduction item (减分项)</comment>
        <translation>New checklist item</translation>
    </message>
    <message>
        <source>Create a round first: its checklist is made here.</source>
        <translation>Create a round first: its checklist is made here.</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Maximum deduction (points)</source>
        <translation>Maximum deduction (points)</translation>
    </message>
    <message>
        <source>e.g. 1.2</source>
        <translation>e.g. 1.2</translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation>e.g. 5</translation>
    </message>
    <message>
        <source>What is checked</source>
        <translation>What is checked</translation>
    </message>
    <message>
        <source>What is checked, e.g. the study sessions follow the plan</source>
        <translation>What is checked, e.g. the study sessions follow the plan</translation>
    </message>
    <message>
        <source>Category (optional)</source>
        <translation>Category (optional)</translation>
    </message>
    <message>
        <source>e.g. Organisational life</source>
        <comment>checklist category example</comment>
        <translation>e.g. Organisational life</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>Checklist of this round</source>
        <translation>Checklist of this round</translation>
    </message>
    <message>
        <source>No items yet.</source>
        <translation>No items yet.</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Planning</source>
        <comment>page title: the office plans rounds (督查计划)</comment>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Round</source>
        <comment>planning tab: the round (轮次) and its base scores</comment>
        <translation>Round</translation>
    </message>
    <message>
        <source>Checklist</source>
        <comment>planning tab: deduction items (检查清单)</comment>
        <translation>Checklist</translation>
    </message>
    <message>
        <source>Units and visits</source>
        <comment>planning tab</comment>
        <translation>Units and visits</translation>
    </message>
    <message>
        <source>Team and enrolment</source>
        <comment>planning tab: devices, sharing, enrolment codes</comment>
        <translation>Team and enrolment</translation>
    </message>
</context>
<context>
    <name>PlanningRoundPanel</name>
    <message>
        <source>Round &quot;%1&quot; created. Add its checklist next.</source>
        <translation>Round &quot;%1&quot; created. Add its checklist next.</translation>
    </message>
    <message>
        <source>New round</source>
        <comment>form title: a new inspection round (轮次)</comment>
        <translation>New round</translation>
    </message>
    <message>
        <source>Name of the round</source>
        <translation>Name of the round</translation>
    </message>
    <message>
        <source>e.g. 2026 fourth round</source>
        <comment>round name example</comment>
        <translation>e.g. 2026 fourth round</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Starts on</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Ends on</translation>
    </message>
    <message>
        <source>2026-11-01</source>
        <comment>date format example</comment>
        <translation>2026-11-01</translation>
    </message>
    <message>
        <source>2026-12-31</source>
        <comment>date format example</comment>
        <translation>2026-12-31</translation>
    </message>
    <message>
        <source>Base score per level (deductions are taken from it)</source>
        <translation>Base score per level (deductions are taken from it)</translation>
    </message>
    <message>
        <source>Create round</source>
        <translation>Create round</translation>
    </message>
    <message>
        <source>Everything planned here is saved on this device at once, also offline, and reaches the server with the next sync once the round is shared.</source>
        <translation>Everything planned here is saved on this device at once, also offline, and reaches the server with the next sync once the round is shared.</translation>
    </message>
    <message>
        <source>Rounds</source>
        <translation>Rounds</translation>
    </message>
    <message>
        <source>No rounds yet: create the first one.</source>
        <translation>No rounds yet: create the first one.</translation>
    </message>
</context>
<context>
    <name>PlanningTeamPanel</name>
    <message>
        <source>Tablets enrolled with the server</source>
        <translation>Tablets enrolled with the server</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>No other device is enrolled yet: issue a code on the right and enrol the tablet with it.</source>
        <translation>No other device is enrolled yet: issue a code on the right and enrol the tablet with it.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>device name (role)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message numerus="yes">
        <source>Share round with %n device(s)</source>
        <translation>
            <numerusform>Share round with %n device</numerusform>
            <numerusform>Share round with %n devices</numerusform>
        </translation>
    </message>
    <message>
        <source>Sharing gives these tablets the round&apos;s key. They receive the round, its checklist, units and visits with their next sync.</source>
        <translation>Sharing gives these tablets the round&apos;s key. They receive the round, its checklist, units and visits with their next sync.</translation>
    </message>
</context>
<context>
    <name>PlanningUnitsPanel</name>
    <message>
        <source>Visit to %1 planned.</source>
        <translation>Visit to %1 planned.</translation>
    </message>
    <message>
        <source>Create a round first: units and visits belong to it.</source>
        <translation>Create a round first: units and visits belong to it.</translation>
    </message>
    <message>
        <source>New unit</source>
        <comment>form title: an inspected unit (被督查单位)</comment>
        <translation>New unit</translation>
    </message>
    <message>
        <source>Name of the unit</source>
        <translation>Name of the unit</translation>
    </message>
    <message>
        <source>e.g. Provincial Department of Transport</source>
        <translation>e.g. Provincial Department of Transport</translation>
    </message>
    <message>
        <source>Contact (optional)</source>
        <translation>Contact (optional)</translation>
    </message>
    <message>
        <source>e.g. Office director Wang, 0571-8700 0000</source>
        <translation>e.g. Office director Wang, 0571-8700 0000</translation>
    </message>
    <message>
        <source>Add unit</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>New visit</source>
        <comment>form title: a visit (走访) to a unit</comment>
        <translation>New visit</translation>
    </message>
    <message>
        <source>Unit visited</source>
        <translation>Unit visited</translation>
    </message>
    <message>
        <source>Add a unit first</source>
        <translation>Add a unit first</translation>
    </message>
    <message>
        <source>Date of the visit</source>
        <translation>Date of the visit</translation>
    </message>
    <message>
        <source>2026-11-20</source>
        <comment>date format example</comment>
        <translation>2026-11-20</translation>
    </message>
    <message>
        <source>Team: tick the enrolled tablets, or type names</source>
        <translation>Team: tick the enrolled tablets, or type names</translation>
    </message>
    <message>
        <source>Team: type the inspectors&apos; names, separated by commas. The enrolled tablets can be picked here when the server is in reach.</source>
        <translation>Team: type the inspectors&apos; names, separated by commas. The enrolled tablets can be picked here when the server is in reach.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>device name (role)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Team members, e.g. Zhang Ming, Li Hua</source>
        <translation>Team members, e.g. Zhang Ming, Li Hua</translation>
    </message>
    <message>
        <source>Plan visit</source>
        <translation>Plan visit</translation>
    </message>
    <message>
        <source>Units of this round</source>
        <translation>Units of this round</translation>
    </message>
    <message>
        <source>No units yet.</source>
        <translation>No units yet.</translation>
    </message>
    <message>
        <source>Visits of this round</source>
        <translation>Visits of this round</translation>
    </message>
    <message>
        <source>No visits yet.</source>
        <translation>No visits yet.</translation>
    </message>
</context>
<context>
    <name>RoundLedgerPanel</name>
    <message>
        <source>Save the ledger as XLSX</source>
        <translation>Save the ledger as XLSX</translation>
    </message>
    <message>
        <source>Save the ledger as CSV</source>
        <translation>Save the ledger as CSV</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message>
        <source>rectification rate %1</source>
        <comment>整改率</comment>
        <translation>rectification rate %1</translation>
    </message>
    <message>
        <source>Open ledger</source>
        <translation>Open ledger</translation>
    </message>
    <message>
        <source>Export XLSX</source>
        <comment>action: save the ledger as an Excel workbook</comment>
        <translation>Export XLSX</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <comment>action: save the ledger as a CSV file</comment>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>No rounds on this device yet</source>
        <translation>No rounds on this device yet</translation>
    </message>
    <message>
        <source>Each round&apos;s ledger can be opened and exported here.</source>
        <translation>Each round&apos;s ledger can be opened and exported here.</translation>
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
    <name>SettingsPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>page title: 设置</comment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Device enrolment</source>
        <comment>设备注册</comment>
        <translation>Device enrolment</translation>
    </message>
    <message>
        <source>Language</source>
        <comment>UI language setting</comment>
        <translation>Language</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Auto-lock</translation>
    </message>
    <message>
        <source>Lock after this long without use (and always when the app goes to the background):</source>
        <translation>Lock after this long without use (and always when the app goes to the background):</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Sync</source>
        <comment>page title: 同步</comment>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Cancel</source>
        <comment>action: stop the running sync</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <comment>list header: fields two devices changed at once</comment>
        <translation>Conflicts (%1)</translation>
    </message>
    <message>
        <source>No conflicts</source>
        <translation>No conflicts</translation>
    </message>
    <message>
        <source>When this tablet and another device change the same field before they sync, both values appear here for you to choose.</source>
        <translation>When this tablet and another device change the same field before they sync, both values appear here for you to choose.</translation>
    </message>
</context>
<context>
    <name>SyncStatusPanel</name>
    <message>
        <source>%1 · %2</source>
        <comment>server address · device role</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Not enrolled with a server</source>
        <translation>Not enrolled with a server</translation>
    </message>
    <message>
        <source>Last synced: %1</source>
        <translation>Last synced: %1</translation>
    </message>
    <message>
        <source>Everything on this tablet has been sent.</source>
        <translation>Everything on this tablet has been sent.</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1, %2</source>
        <comment>pending change sets, pending photo files</comment>
        <translation>Waiting to be sent: %1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n change</numerusform>
            <numerusform>%n changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s)</source>
        <translation>
            <numerusform>%n photo file</numerusform>
            <numerusform>%n photo files</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are kept on this tablet and sent when the server is in reach.</source>
        <translation>Changes are kept on this tablet and sent when the server is in reach.</translation>
    </message>
    <message>
        <source>Open settings</source>
        <translation>Open settings</translation>
    </message>
    <message numerus="yes">
        <source>Sync runs by itself every %n minute(s) while the server is in reach, and as soon as the network comes back. Photos go after the records, smallest first.</source>
        <translation>
            <numerusform>Sync runs by itself every minute while the server is in reach, and as soon as the network comes back. Photos go after the records, smallest first.</numerusform>
            <numerusform>Sync runs by itself every %n minutes while the server is in reach, and as soon as the network comes back. Photos go after the records, smallest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>Verification (验收)</source>
        <comment>dialog title</comment>
        <translation>Verification</translation>
    </message>
    <message>
        <source>Check the rectification against the ledger, then record the result.</source>
        <translation>Check the rectification against the ledger, then record the result.</translation>
    </message>
    <message>
        <source>Passed</source>
        <comment>verification result: 通过</comment>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Not passed</source>
        <comment>verification result: 不通过</comment>
        <translation>Not passed</translation>
    </message>
    <message>
        <source>Choose passed or not passed.</source>
        <translation>Choose passed or not passed.</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>The inspector&apos;s name</source>
        <translation>The inspector&apos;s name</translation>
    </message>
    <message>
        <source>What was checked</source>
        <translation>What was checked</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Documents and places checked, what was found</source>
        <translation>Documents and places checked, what was found</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message numerus="yes">
        <source>%n evidence photo(s)</source>
        <translation>
            <numerusform>%n evidence photo</numerusform>
            <numerusform>%n evidence photos</numerusform>
        </translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Add photo…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Record step</source>
        <translation>Record step</translation>
    </message>
</context>
<context>
    <name>UnitScoreDelegate</name>
    <message>
        <source>Ledger</source>
        <comment>button on a round&apos;s heading: open its ledger (台账)</comment>
        <translation>Ledger</translation>
    </message>
    <message>
        <source>%1 %2 / %3</source>
        <comment>level, its score / its base</comment>
        <translation>%1 %2 / %3</translation>
    </message>
    <message numerus="yes">
        <source>%n visit(s)</source>
        <translation>
            <numerusform>%n visit</numerusform>
            <numerusform>%n visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n closed</source>
        <comment>findings closed (销号)</comment>
        <translation>
            <numerusform>%n closed</numerusform>
            <numerusform>%n closed</numerusform>
        </translation>
    </message>
    <message>
        <source>rectification rate %1</source>
        <comment>整改率</comment>
        <translation>rectification rate %1</translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <comment>findings past their due date</comment>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
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
    <name>UnsavedChangeDialog</name>
    <message>
        <source>Not saved yet</source>
        <translation>Not saved yet</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Stay</translation>
    </message>
    <message>
        <source>Leave without it</source>
        <translation>Leave without it</translation>
    </message>
    <message>
        <source>%1

Stay to keep what you typed: it is saved as soon as it can be. Leaving now discards that change; everything saved before stays.</source>
        <translation>%1

Stay to keep what you typed: it is saved as soon as it can be. Leaving now discards that change; everything saved before stays.</translation>
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
    <message>
        <source>Ledger</source>
        <comment>button on a round&apos;s heading: open its ledger (台账)</comment>
        <translation>Ledger</translation>
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
    <message>
        <source>Sync · %1</source>
        <comment>toolbar: sync, then its state</comment>
        <translation>Sync · %1</translation>
    </message>
    <message>
        <source>Settings</source>
        <comment>toolbar action: open the settings</comment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Office console</source>
        <comment>toolbar action: open the office&apos;s console (督查室)</comment>
        <translation>Office console</translation>
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
    <message>
        <source>Ledger</source>
        <comment>toolbar action: open the round&apos;s ledger (台账)</comment>
        <translation>Ledger</translation>
    </message>
</context>
<context>
    <name>VisitReportButton</name>
    <message>
        <source>Report PDF</source>
        <comment>toolbar action: save the visit report as a PDF file</comment>
        <translation>Report PDF</translation>
    </message>
    <message>
        <source>Save the visit report</source>
        <translation>Save the visit report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
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
    <name>fl::app::ConflictListModel</name>
    <message>
        <source>This tablet</source>
        <comment>who wrote a value</comment>
        <translation>This tablet</translation>
    </message>
    <message>
        <source>Device %1</source>
        <comment>who wrote a value: a short device id</comment>
        <translation>Device %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>who wrote a value · when</comment>
        <translation>%1 · %2</translation>
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
    <message>
        <source>%1° %2</source>
        <comment>coordinate, hemisphere</comment>
        <translation>%1° %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>latitude, longitude</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>N</source>
        <comment>north</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>S</source>
        <comment>south</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>E</source>
        <comment>east</comment>
        <translation>E</translation>
    </message>
    <message>
        <source>W</source>
        <comment>west</comment>
        <translation>W</translation>
    </message>
    <message>
        <source>accuracy not given by the position source</source>
        <translation>accuracy not given by the position source</translation>
    </message>
    <message>
        <source>± %1 m</source>
        <comment>position accuracy in metres</comment>
        <translation>± %1 m</translation>
    </message>
    <message>
        <source>The device is full: free some space (delete old files or apps). Nothing typed was lost: it stays here and is saved as soon as there is room.</source>
        <translation>The device is full: free some space (delete old files or apps). Nothing typed was lost: it stays here and is saved as soon as there is room.</translation>
    </message>
</context>
<context>
    <name>fl::app::FindingLifecycle</name>
    <message>
        <source>This step is not known.</source>
        <translation>This step is not known.</translation>
    </message>
    <message>
        <source>No finding is chosen.</source>
        <translation>No finding is chosen.</translation>
    </message>
    <message>
        <source>Locked: unlock, then record the step again.</source>
        <translation>Locked: unlock, then record the step again.</translation>
    </message>
</context>
<context>
    <name>fl::app::InterviewEditor</name>
    <message>
        <source>Enter the time as YYYY-MM-DD HH:MM, for example 2026-11-20 10:00.</source>
        <translation>Enter the time as YYYY-MM-DD HH:MM, for example 2026-11-20 10:00.</translation>
    </message>
    <message>
        <source>Locked: this change is kept here and saved when you unlock.</source>
        <translation>Locked: this change is kept here and saved when you unlock.</translation>
    </message>
</context>
<context>
    <name>fl::app::LedgerModel</name>
    <message>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>By due date</source>
        <comment>ledger sort order</comment>
        <translation>By due date</translation>
    </message>
    <message>
        <source>By deduction</source>
        <comment>ledger sort order</comment>
        <translation>By deduction</translation>
    </message>
    <message>
        <source>By status</source>
        <comment>ledger sort order</comment>
        <translation>By status</translation>
    </message>
    <message>
        <source>Choose a file on this device to export to.</source>
        <translation>Choose a file on this device to export to.</translation>
    </message>
    <message>
        <source>Unlock to export the ledger.</source>
        <translation>Unlock to export the ledger.</translation>
    </message>
    <message>
        <source>ledger</source>
        <comment>file name of a ledger export: 台账</comment>
        <translation>ledger</translation>
    </message>
    <message>
        <source>As recorded</source>
        <comment>ledger sort order</comment>
        <translation>As recorded</translation>
    </message>
</context>
<context>
    <name>fl::app::OfficePlanning</name>
    <message>
        <source>Write dates as year-month-day, for example 2026-11-20.</source>
        <translation>Write dates as year-month-day, for example 2026-11-20.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>a round&apos;s period: start – end</comment>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <comment>checklist item: code, text</comment>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1 · at most %2 points</source>
        <comment>checklist level · maximum deduction</comment>
        <translation>%1 · at most %2 points</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>visit: unit · date</comment>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <comment>a visit&apos;s team</comment>
        <translation>Team: %1</translation>
    </message>
    <message>
        <source>This console is not enrolled with the inspection office&apos;s server, so it cannot list devices, share rounds or issue codes. Enrol it in Settings with an office code; what you plan here is kept and synced after that.</source>
        <translation>This console is not enrolled with the inspection office&apos;s server, so it cannot list devices, share rounds or issue codes. Enrol it in Settings with an office code; what you plan here is kept and synced after that.</translation>
    </message>
    <message>
        <source>This device is enrolled as an inspector&apos;s tablet: only an inspection office device can list devices, share rounds and issue codes.</source>
        <translation>This device is enrolled as an inspector&apos;s tablet: only an inspection office device can list devices, share rounds and issue codes.</translation>
    </message>
    <message>
        <source>Offline: the server is not in reach. What you plan is kept on this device. Connect to the office network, then share the round and issue codes.</source>
        <translation>Offline: the server is not in reach. What you plan is kept on this device. Connect to the office network, then share the round and issue codes.</translation>
    </message>
    <message>
        <source>Device %1</source>
        <translation>Device %1</translation>
    </message>
    <message>
        <source>office</source>
        <comment>device role</comment>
        <translation>office</translation>
    </message>
    <message>
        <source>inspector</source>
        <comment>device role</comment>
        <translation>inspector</translation>
    </message>
    <message>
        <source>an inspection office console</source>
        <translation>an inspection office console</translation>
    </message>
    <message>
        <source>an inspector&apos;s tablet</source>
        <translation>an inspector&apos;s tablet</translation>
    </message>
    <message>
        <source>The vault is locked; unlock it first.</source>
        <translation>The vault is locked; unlock it first.</translation>
    </message>
    <message>
        <source>Write the base score of the level &quot;%1&quot; as a number, for example 100.</source>
        <translation>Write the base score of the level &quot;%1&quot; as a number, for example 100.</translation>
    </message>
    <message>
        <source>Create a round first: checklist items belong to a round.</source>
        <translation>Create a round first: checklist items belong to a round.</translation>
    </message>
    <message>
        <source>Choose the level the item belongs to.</source>
        <translation>Choose the level the item belongs to.</translation>
    </message>
    <message>
        <source>Write the maximum deduction as a number of points, for example 5.</source>
        <translation>Write the maximum deduction as a number of points, for example 5.</translation>
    </message>
    <message>
        <source>Create a round first: units are inspected within a round.</source>
        <translation>Create a round first: units are inspected within a round.</translation>
    </message>
    <message>
        <source>Create a round first: visits belong to a round.</source>
        <translation>Create a round first: visits belong to a round.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>an error, then what to do</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Create a round first.</source>
        <translation>Create a round first.</translation>
    </message>
    <message>
        <source>Pick at least one device to share with.</source>
        <translation>Pick at least one device to share with.</translation>
    </message>
    <message numerus="yes">
        <source>Shared with %n device(s). They receive the round and its visits with their next sync.</source>
        <translation>
            <numerusform>Shared with %n device. It receives the round and its visits with its next sync.</numerusform>
            <numerusform>Shared with %n devices. They receive the round and its visits with their next sync.</numerusform>
        </translation>
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
    <name>fl::app::PhotoListModel</name>
    <message>
        <source>%1 × %2</source>
        <comment>photo size in pixels</comment>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Save the record first: photos are attached to a saved finding or note.</source>
        <translation>Save the record first: photos are attached to a saved finding or note.</translation>
    </message>
    <message>
        <source>Choose an image file on this device.</source>
        <translation>Choose an image file on this device.</translation>
    </message>
    <message>
        <source>This file is not a JPEG or PNG photo.</source>
        <translation>This file is not a JPEG or PNG photo.</translation>
    </message>
    <message>
        <source>This photo is damaged or incomplete and could not be read.</source>
        <translation>This photo is damaged or incomplete and could not be read.</translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation>The file was not found.</translation>
    </message>
    <message>
        <source>Locked. Unlock to continue.</source>
        <translation>Locked. Unlock to continue.</translation>
    </message>
    <message>
        <source>The camera gave no picture. Try again.</source>
        <translation>The camera gave no picture. Try again.</translation>
    </message>
    <message>
        <source>The picture could not be encoded. Try again.</source>
        <translation>The picture could not be encoded. Try again.</translation>
    </message>
    <message>
        <source>The device is full: free some space (delete old files or apps), then add the photo again. Nothing saved before was lost.</source>
        <translation>The device is full: free some space (delete old files or apps), then add the photo again. Nothing saved before was lost.</translation>
    </message>
</context>
<context>
    <name>fl::app::PositionFinder</name>
    <message>
        <source>Location is not allowed for this app. Allow it in the system settings to record where a finding is; everything else works without it.</source>
        <translation>Location is not allowed for this app. Allow it in the system settings to record where a finding is; everything else works without it.</translation>
    </message>
    <message>
        <source>No position fix arrived in time. Move to open sky or near a window and try again, or leave the location empty.</source>
        <translation>No position fix arrived in time. Move to open sky or near a window and try again, or leave the location empty.</translation>
    </message>
    <message>
        <source>The location service was switched off. Switch it on and try again, or leave the location empty.</source>
        <translation>The location service was switched off. Switch it on and try again, or leave the location empty.</translation>
    </message>
    <message>
        <source>The location service failed. Try again, or leave the location empty.</source>
        <translation>The location service failed. Try again, or leave the location empty.</translation>
    </message>
    <message>
        <source>This device has no location service (no GPS or position source was found). The finding is kept without a location.</source>
        <translation>This device has no location service (no GPS or position source was found). The finding is kept without a location.</translation>
    </message>
</context>
<context>
    <name>fl::app::ReportExport</name>
    <message>
        <source>There is not enough space on the disk to save %1. Nothing was changed: free some space or choose another place, then export again.</source>
        <translation>There is not enough space on the disk to save %1. Nothing was changed: free some space or choose another place, then export again.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be written to. Nothing was changed: choose another folder, for example your documents, and export again.</source>
        <translation>The folder %1 cannot be written to. Nothing was changed: choose another folder, for example your documents, and export again.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist (any more). Choose another folder and export again.</source>
        <translation>The folder %1 does not exist (any more). Choose another folder and export again.</translation>
    </message>
    <message>
        <source>Could not save %1: %2. Nothing was changed: try again or choose another place.</source>
        <translation>Could not save %1: %2. Nothing was changed: try again or choose another place.</translation>
    </message>
    <message>
        <source>Unlock to export.</source>
        <translation>Unlock to export.</translation>
    </message>
    <message>
        <source>Choose a file on this device to export to.</source>
        <translation>Choose a file on this device to export to.</translation>
    </message>
    <message>
        <source>There is no ledger to export.</source>
        <translation>There is no ledger to export.</translation>
    </message>
    <message>
        <source>visit-report</source>
        <comment>file name of a visit report: 督查报告</comment>
        <translation>visit-report</translation>
    </message>
    <message>
        <source>ledger</source>
        <comment>file name of a ledger export: 台账</comment>
        <translation>ledger</translation>
    </message>
</context>
<context>
    <name>fl::app::SettingsController</name>
    <message>
        <source>Unlock first.</source>
        <translation>Unlock first.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>The two new passphrases differ.</translation>
    </message>
    <message>
        <source>The new passphrase is the current one.</source>
        <translation>The new passphrase is the current one.</translation>
    </message>
    <message>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>The passphrase was changed. Use the new one from now on.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong; nothing was changed.</source>
        <translation>The current passphrase is wrong; nothing was changed.</translation>
    </message>
    <message>
        <source>Too many wrong passphrases: wait a moment and try again.</source>
        <translation>Too many wrong passphrases: wait a moment and try again.</translation>
    </message>
</context>
<context>
    <name>fl::app::SyncStatus</name>
    <message>
        <source>Offline</source>
        <comment>sync state: the server is not in reach (离线)</comment>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Online</source>
        <comment>sync state: the server answered</comment>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <comment>sync state: a sync runs</comment>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>inspection office</source>
        <comment>device role: an office console (督查室)</comment>
        <translation>inspection office</translation>
    </message>
    <message>
        <source>inspector&apos;s tablet</source>
        <comment>device role: a field tablet</comment>
        <translation>inspector&apos;s tablet</translation>
    </message>
    <message>
        <source>Receiving round keys</source>
        <translation>Receiving round keys</translation>
    </message>
    <message>
        <source>Sending changes: %1 of %2</source>
        <translation>Sending changes: %1 of %2</translation>
    </message>
    <message numerus="yes">
        <source>Receiving changes: %n received</source>
        <translation>
            <numerusform>Receiving changes: %n received</numerusform>
            <numerusform>Receiving changes: %n received</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending photos: %1 of %2</source>
        <translation>Sending photos: %1 of %2</translation>
    </message>
    <message>
        <source>Receiving photos: %1 of %2</source>
        <translation>Receiving photos: %1 of %2</translation>
    </message>
    <message>
        <source>%1 sent · %2 received</source>
        <comment>bytes of the running or last sync</comment>
        <translation>%1 sent · %2 received</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Never synced</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Today %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>an error, then what to do</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>The server cannot be reached.</translation>
    </message>
    <message>
        <source>Nothing is lost: changes stay on this tablet and are sent when the server is in reach. If this lasts, check the network (Wi-Fi or mobile data).</source>
        <translation>Nothing is lost: changes stay on this tablet and are sent when the server is in reach. If this lasts, check the network (Wi-Fi or mobile data).</translation>
    </message>
    <message>
        <source>The server stopped answering.</source>
        <translation>The server stopped answering.</translation>
    </message>
    <message>
        <source>Nothing is lost; sync tries again by itself.</source>
        <translation>Nothing is lost; sync tries again by itself.</translation>
    </message>
    <message>
        <source>The server is failing or busy (HTTP %1).</source>
        <translation>The server is failing or busy (HTTP %1).</translation>
    </message>
    <message>
        <source>Nothing is lost; sync tries again later. Tell the inspection office if this lasts.</source>
        <translation>Nothing is lost; sync tries again later. Tell the inspection office if this lasts.</translation>
    </message>
    <message>
        <source>This tablet&apos;s clock is more than 5 minutes off the server&apos;s.</source>
        <translation>This tablet&apos;s clock is more than 5 minutes off the server&apos;s.</translation>
    </message>
    <message>
        <source>Correct the date and time in the system settings, then tap Sync now.</source>
        <translation>Correct the date and time in the system settings, then tap Sync now.</translation>
    </message>
    <message>
        <source>The inspection office has revoked this tablet: it can no longer sync.</source>
        <translation>The inspection office has revoked this tablet: it can no longer sync.</translation>
    </message>
    <message>
        <source>Contact the office. Unsynced changes stay on this tablet.</source>
        <translation>Contact the office. Unsynced changes stay on this tablet.</translation>
    </message>
    <message>
        <source>The server does not know this tablet.</source>
        <translation>The server does not know this tablet.</translation>
    </message>
    <message>
        <source>Enrol it again in Settings with a new code from the inspection office.</source>
        <translation>Enrol it again in Settings with a new code from the inspection office.</translation>
    </message>
    <message>
        <source>The server refused a repeated request.</source>
        <translation>The server refused a repeated request.</translation>
    </message>
    <message>
        <source>The server did not accept this tablet&apos;s signature.</source>
        <translation>The server did not accept this tablet&apos;s signature.</translation>
    </message>
    <message>
        <source>Check the server address in Settings, or enrol the tablet again.</source>
        <translation>Check the server address in Settings, or enrol the tablet again.</translation>
    </message>
    <message>
        <source>This tablet is not a member of that round.</source>
        <translation>This tablet is not a member of that round.</translation>
    </message>
    <message>
        <source>Ask the inspection office to share the round with this tablet.</source>
        <translation>Ask the inspection office to share the round with this tablet.</translation>
    </message>
    <message>
        <source>The enrolment code is wrong, already used or expired.</source>
        <translation>The enrolment code is wrong, already used or expired.</translation>
    </message>
    <message>
        <source>Ask the inspection office for a new code.</source>
        <translation>Ask the inspection office for a new code.</translation>
    </message>
    <message>
        <source>Enter the one-time code from the inspection office.</source>
        <translation>Enter the one-time code from the inspection office.</translation>
    </message>
    <message>
        <source>Only an inspection office device may do this.</source>
        <translation>Only an inspection office device may do this.</translation>
    </message>
    <message>
        <source>That is not a server address the app can use.</source>
        <translation>That is not a server address the app can use.</translation>
    </message>
    <message>
        <source>Write it like https://sync.example.org (plain http:// only for this machine).</source>
        <translation>Write it like https://sync.example.org (plain http:// only for this machine).</translation>
    </message>
    <message>
        <source>The server speaks another version of the sync protocol.</source>
        <translation>The server speaks another version of the sync protocol.</translation>
    </message>
    <message>
        <source>Update the app, or ask the inspection office to update the server. Nothing is lost.</source>
        <translation>Update the app, or ask the inspection office to update the server. Nothing is lost.</translation>
    </message>
    <message>
        <source>The server refused the request (HTTP %1).</source>
        <translation>The server refused the request (HTTP %1).</translation>
    </message>
    <message>
        <source>The app and the server may not match: update the app. Nothing is lost.</source>
        <translation>The app and the server may not match: update the app. Nothing is lost.</translation>
    </message>
    <message>
        <source>The server&apos;s answer was cut off or not understood; nothing from it was used.</source>
        <translation>The server&apos;s answer was cut off or not understood; nothing from it was used.</translation>
    </message>
    <message>
        <source>Sync tries again by itself. If this keeps happening, check the server address in Settings.</source>
        <translation>Sync tries again by itself. If this keeps happening, check the server address in Settings.</translation>
    </message>
    <message>
        <source>A sync is running.</source>
        <translation>A sync is running.</translation>
    </message>
    <message>
        <source>Try again when it has finished.</source>
        <translation>Try again when it has finished.</translation>
    </message>
    <message>
        <source>Sync was cancelled.</source>
        <translation>Sync was cancelled.</translation>
    </message>
    <message>
        <source>Tap Sync now to continue where it stopped.</source>
        <translation>Tap Sync now to continue where it stopped.</translation>
    </message>
    <message>
        <source>This tablet is not enrolled with the inspection office&apos;s server yet.</source>
        <translation>This tablet is not enrolled with the inspection office&apos;s server yet.</translation>
    </message>
    <message>
        <source>Enrol it in Settings with the server address and a one-time code from the office. Until then everything is kept on this tablet.</source>
        <translation>Enrol it in Settings with the server address and a one-time code from the office. Until then everything is kept on this tablet.</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified, so nothing was sent.</source>
        <translation>The server&apos;s identity could not be verified, so nothing was sent.</translation>
    </message>
    <message>
        <source>Check the server address and this tablet&apos;s date and time, or ask the inspection office.</source>
        <translation>Check the server address and this tablet&apos;s date and time, or ask the inspection office.</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>The vault is locked.</translation>
    </message>
    <message>
        <source>Unlock it; sync then resumes by itself.</source>
        <translation>Unlock it; sync then resumes by itself.</translation>
    </message>
    <message>
        <source>This tablet&apos;s storage is full.</source>
        <translation>This tablet&apos;s storage is full.</translation>
    </message>
    <message>
        <source>Free some space; sync then continues where it stopped.</source>
        <translation>Free some space; sync then continues where it stopped.</translation>
    </message>
    <message>
        <source>Sync stopped because this tablet could not read or write its own data.</source>
        <translation>Sync stopped because this tablet could not read or write its own data.</translation>
    </message>
    <message>
        <source>Restart the app. If this happens again, contact the inspection office.</source>
        <translation>Restart the app. If this happens again, contact the inspection office.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) sent</source>
        <translation>
            <numerusform>%n change sent</numerusform>
            <numerusform>%n changes sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) received</source>
        <translation>
            <numerusform>%n change received</numerusform>
            <numerusform>%n changes received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) sent</source>
        <translation>
            <numerusform>%n photo file sent</numerusform>
            <numerusform>%n photo files sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) received</source>
        <translation>
            <numerusform>%n photo file received</numerusform>
            <numerusform>%n photo files received</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to exchange</source>
        <translation>Nothing to exchange</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>what the last sync exchanged · bytes</comment>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were made while this tablet&apos;s clock ran more than an hour ahead of the server&apos;s time. The server takes them once its time catches up.</source>
        <translation>
            <numerusform>%n change was made while this tablet&apos;s clock ran more than an hour ahead of the server&apos;s time. The server takes it once its time catches up.</numerusform>
            <numerusform>%n changes were made while this tablet&apos;s clock ran more than an hour ahead of the server&apos;s time. The server takes them once its time catches up.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the date, time and time zone in the system settings. Nothing is lost: the changes stay on this tablet until the server takes them.</source>
        <translation>Check the date, time and time zone in the system settings. Nothing is lost: the changes stay on this tablet until the server takes them.</translation>
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
