import QtQuick
import QtTest
import FieldLedger

// The finding editor page: fields save when left, refused values show the domain's reason,
// and typing survives a lock.
Item {
    id: root

    width: 1280
    height: 800

    TestCase {
        id: testCase

        name: "FindingEditorPage"
        when: windowShown

        property string visitId
        property string itemId // 1.1, at most 5 points

        VisitListModel {
            id: visits

            services: AppServices
        }
        ChecklistModel {
            id: checklist

            services: AppServices
            visitId: testCase.visitId
        }
        FindingListModel {
            id: findings

            services: AppServices
            visitId: testCase.visitId
        }
        Component {
            id: pageComponent

            FindingEditorPage {
                anchors.fill: parent
            }
        }

        function initTestCase() {
            AppServices.unlock("app test passphrase")
            tryCompare(AppServices, "unlocked", true, 5000)
            compare(visits.count, 1)
            visitId = visits.data(visits.index(0, 0), VisitListModel.VisitIdRole)
            itemId = checklist.data(checklist.index(0, 0), ChecklistModel.ItemIdRole)
            verify(itemId.length > 0)
        }

        function init() {
            if (!AppServices.unlocked) {
                AppServices.unlock("app test passphrase")
                tryCompare(AppServices, "unlocked", true, 5000)
            }
        }

        function openPage(findingId) {
            const page = createTemporaryObject(pageComponent, root, {
                findingId: findingId, visitId: testCase.visitId,
                checklistItemId: findingId.length > 0 ? "" : testCase.itemId })
            verify(page)
            waitForRendering(page)
            return page
        }

        function enter(page, fieldName, text) {
            const f = findChild(page, fieldName)
            verify(f, fieldName)
            f.forceActiveFocus()
            f.text = text
            keyClick(Qt.Key_Return) // leaving the field (Return) writes it
        }

        function rowOf(findingId) {
            for (let i = 0; i < findings.count; ++i) {
                if (findings.data(findings.index(i, 0), FindingListModel.FindingIdRole) === findingId)
                    return i
            }
            return -1
        }

        function test_titleIsSavedWithoutASaveButton() {
            const before = findings.totalCount
            const page = openPage("")
            verify(page.editor.isNew)
            enter(page, "titleField", "Study sessions below plan")
            verify(!page.editor.isNew)
            verify(page.editor.saved)
            compare(findingChild(page, "saveState").text.length > 0, true)
            compare(findings.totalCount, before + 1)
            const row = rowOf(page.editor.findingId)
            verify(row >= 0)
            compare(findings.data(findings.index(row, 0), FindingListModel.TitleRole),
                    "Study sessions below plan")
        }

        function test_deductionOverTheMaximumIsExplainedNotSaved() {
            const page = openPage("")
            enter(page, "titleField", "Minutes incomplete")
            const id = page.editor.findingId
            enter(page, "deductionField", "99")
            const message = findChild(page, "validationMessage")
            verify(message.visible)
            verify(message.text.indexOf("99") >= 0, message.text)
            verify(!page.editor.saved)
            compare(findings.data(findings.index(rowOf(id), 0), FindingListModel.DeductionRole), 0)
            enter(page, "deductionField", "3")
            verify(!message.visible)
            compare(findings.data(findings.index(rowOf(id), 0), FindingListModel.DeductionRole), 3)
        }

        SignalSpy {
            id: backSpy

            signalName: "backRequested"
        }

        function test_leavingWithARefusedChangeAsksFirst() {
            const page = openPage("")
            enter(page, "titleField", "Dues collected late")
            backSpy.target = page
            backSpy.clear()
            const back = findChild(page, "backButton")
            // Everything saved: Back leaves at once.
            mouseClick(back)
            compare(backSpy.count, 1)
            enter(page, "deductionField", "99")
            verify(!page.editor.saved)
            mouseClick(back)
            const dialog = findChild(page, "unsavedChangeDialog")
            tryCompare(dialog, "opened", true)
            compare(backSpy.count, 1) // not left: the refused change is still on the page
            verify(findChild(dialog, "unsavedChangeText").text.indexOf("99") >= 0)
            mouseClick(findChild(dialog, "stayButton"))
            tryCompare(dialog, "visible", false)
            compare(backSpy.count, 1)
            compare(page.editor.deduction, 99) // what was typed is still there
            mouseClick(back)
            tryCompare(dialog, "opened", true)
            mouseClick(findChild(dialog, "leaveButton"))
            compare(backSpy.count, 2)
        }

        function test_typingSurvivesALock() {
            const page = openPage("")
            enter(page, "titleField", "Dues ledger unclear")
            const id = page.editor.findingId
            const title = findChild(page, "titleField")
            title.forceActiveFocus()
            title.text = "Dues ledger unclear, typed before the lock"
            AppServices.lock() // no Return: the page hands the text over before the keys go
            AppServices.unlock("app test passphrase")
            tryCompare(AppServices, "unlocked", true, 5000)
            compare(page.editor.title, "Dues ledger unclear, typed before the lock")
            compare(findings.data(findings.index(rowOf(id), 0), FindingListModel.TitleRole),
                    "Dues ledger unclear, typed before the lock")
        }

        function test_openingWithItsItemShowsTheItemsMaximum() {
            const first = openPage("")
            enter(first, "titleField", "Opened again with its item")
            // As the page tour and the ledger open it: the item given too, whatever order QML
            // sets the properties in.
            const page = createTemporaryObject(pageComponent, root, {
                findingId: first.editor.findingId, visitId: testCase.visitId,
                checklistItemId: testCase.itemId })
            compare(page.editor.maxDeduction, 5)
            compare(page.editor.title, "Opened again with its item")
        }

        function findingChild(page, name) {
            const item = findChild(page, name)
            verify(item, name)
            return item
        }
    }
}
