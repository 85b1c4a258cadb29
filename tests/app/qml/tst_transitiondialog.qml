import QtQuick
import QtTest
import FieldLedger

// The lifecycle step dialog: verification (验收) asks passed or not passed and what was
// checked; the domain's refusal shows in the dialog, which stays open and writes nothing.
Item {
    id: root

    width: 1280
    height: 800

    TestCase {
        id: testCase

        name: "TransitionDialog"
        when: windowShown

        property string visitId
        property string itemId

        VisitListModel {
            id: visits

            services: AppServices
        }
        ChecklistModel {
            id: checklist

            services: AppServices
            visitId: testCase.visitId
        }
        Component {
            id: editorComponent

            FindingEditor {
                services: AppServices
            }
        }
        FindingLifecycle {
            id: lifecycle

            services: AppServices
        }
        FindingHistoryModel {
            id: history

            services: AppServices
            findingId: lifecycle.findingId
        }
        TransitionDialog {
            id: dialog

            lifecycle: lifecycle
        }

        function initTestCase() {
            AppServices.unlock("app test passphrase")
            tryCompare(AppServices, "unlocked", true, 5000)
            visitId = visits.data(visits.index(0, 0), VisitListModel.VisitIdRole)
            itemId = checklist.data(checklist.index(2, 0), ChecklistModel.ItemIdRole)
        }

        function init() {
            if (!AppServices.unlocked) {
                AppServices.unlock("app test passphrase")
                tryCompare(AppServices, "unlocked", true, 5000)
            }
        }

        function cleanup() {
            dialog.close()
            tryCompare(dialog, "visible", false)
        }

        // A new finding, reported fixed by the unit: verification is due.
        function awaitingVerification(title) {
            const editor = createTemporaryObject(editorComponent, testCase, {
                visitId: testCase.visitId, checklistItemId: testCase.itemId })
            editor.title = title
            verify(editor.saved, editor.validationMessage)
            lifecycle.findingId = editor.findingId
            verify(lifecycle.perform(FindingLifecycle.StartRectification, "张明", ""))
            verify(lifecycle.perform(FindingLifecycle.SubmitForVerification, "李华", ""))
            verify(lifecycle.verificationDue)
        }

        function child(name) {
            const item = findChild(dialog.contentItem, name)
                         || findChild(dialog.footer, name)
            verify(item, name)
            return item
        }

        function test_notPassedNeedsAChoiceAndANote() {
            awaitingVerification("Verification case: minutes")
            const steps = history.count
            dialog.openFor(FindingLifecycle.VerifyPassed)
            tryCompare(dialog, "opened", true)
            verify(child("passedButton").visible)
            compare(child("actorField").text, "张明") // the visit's first inspector

            mouseClick(child("recordButton"))
            verify(child("choiceHint").visible, "neither passed nor not passed was chosen")
            verify(dialog.visible)
            compare(history.count, steps)

            mouseClick(child("notPassedButton"))
            compare(dialog.action, FindingLifecycle.VerifyFailed)
            verify(!child("choiceHint").visible)
            mouseClick(child("recordButton"))
            // The domain wants to know what was checked: said here, nothing written.
            tryCompare(child("transitionError"), "visible", true)
            verify(child("transitionError").text.length > 0)
            verify(dialog.visible)
            compare(history.count, steps)
            compare(lifecycle.status, 2) // awaiting verification

            const note = child("noteField")
            note.forceActiveFocus()
            note.text = "Minutes of September still missing"
            mouseClick(child("recordButton"))
            tryCompare(dialog, "visible", false)
            compare(history.count, steps + 1)
            compare(lifecycle.status, 1) // back to rectifying
            compare(history.data(history.index(steps, 0), FindingHistoryModel.NoteRole),
                    "Minutes of September still missing")
            compare(history.data(history.index(steps, 0), FindingHistoryModel.ActorRole), "张明")
        }

        function test_passedClosesTheFinding() {
            awaitingVerification("Verification case: dues")
            dialog.openFor(FindingLifecycle.VerifyPassed)
            tryCompare(dialog, "opened", true)
            mouseClick(child("passedButton"))
            child("noteField").text = "Dues ledger checked against bank records"
            mouseClick(child("recordButton"))
            tryCompare(dialog, "visible", false)
            compare(lifecycle.status, 3) // closed
            compare(lifecycle.allowedActions.length, 0)
        }

        function test_otherStepsNeedOnlyAName() {
            const editor = createTemporaryObject(editorComponent, testCase, {
                visitId: testCase.visitId, checklistItemId: testCase.itemId })
            editor.title = "Verification case: plan"
            lifecycle.findingId = editor.findingId
            dialog.openFor(FindingLifecycle.StartRectification)
            tryCompare(dialog, "opened", true)
            verify(!child("passedButton").visible)
            compare(dialog.title, lifecycle.actionName(FindingLifecycle.StartRectification))
            child("actorField").text = ""
            mouseClick(child("recordButton"))
            tryCompare(child("transitionError"), "visible", true)
            compare(lifecycle.status, 0)
            child("actorField").text = "王芳"
            mouseClick(child("recordButton"))
            tryCompare(dialog, "visible", false)
            compare(lifecycle.status, 1)
            compare(history.count, 1)
        }
    }
}
