import QtQuick
import QtTest
import FieldLedger

// The ledger page: the round's findings with overdue ones marked, search, filters and order
// done by the model, a chosen finding's detail and next step, and the CSV export.
Item {
    id: root

    width: 1280
    height: 800

    TestCase {
        id: testCase

        name: "LedgerPage"
        when: windowShown

        property string visitId
        property string campaignId
        property string itemId // 1.2, at most 10 points

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
        Component {
            id: pageComponent

            LedgerPage {
                anchors.fill: parent
            }
        }
        SignalSpy {
            id: exportedSpy

            signalName: "exported"
        }

        function addFinding(title, deduction, dueDate) {
            const editor = createTemporaryObject(editorComponent, testCase, {
                visitId: testCase.visitId, checklistItemId: testCase.itemId })
            editor.title = title
            editor.deduction = deduction
            editor.dueDate = dueDate
            verify(editor.saved, editor.validationMessage)
            return editor.findingId
        }

        function initTestCase() {
            AppServices.unlock("app test passphrase")
            tryCompare(AppServices, "unlocked", true, 5000)
            visitId = visits.data(visits.index(0, 0), VisitListModel.VisitIdRole)
            campaignId = visits.data(visits.index(0, 0), VisitListModel.CampaignIdRole)
            itemId = checklist.data(checklist.index(1, 0), ChecklistModel.ItemIdRole)
            verify(campaignId.length > 0)
            addFinding("Ledger case: dues book late", 2, "2026-12-01")
            addFinding("Ledger case: minutes unsigned", 5, "2027-03-01")
            addFinding("Ledger case: no plan", 1, "")
        }

        function init() {
            if (!AppServices.unlocked) {
                AppServices.unlock("app test passphrase")
                tryCompare(AppServices, "unlocked", true, 5000)
            }
        }

        function openPage() {
            const page = createTemporaryObject(pageComponent, root, {
                campaignId: testCase.campaignId })
            verify(page)
            page.ledger.today = new Date(2027, 0, 15) // 2027-01-15: the first case is overdue
            waitForRendering(page)
            return page
        }

        function child(page, name) {
            const item = findChild(page, name)
            verify(item, name)
            return item
        }

        function search(page, text) {
            const field = child(page, "searchField")
            field.forceActiveFocus()
            field.text = text
            keyClick(Qt.Key_Return)
            // The first search reads the whole round in the background.
            tryCompare(page.ledger, "loading", false, 10000)
        }

        function rowOfTitle(ledger, title) {
            for (let i = 0; i < ledger.count; ++i) {
                if (ledger.data(ledger.index(i, 0), LedgerModel.TitleRole) === title)
                    return i
            }
            return -1
        }

        function test_searchShowsTheCasesWithOverdueMarked() {
            const page = openPage()
            const list = child(page, "ledgerList")
            verify(list.count >= 3)
            search(page, "ledger CASE")
            tryCompare(list, "count", 3)
            compare(page.ledger.totalCount, 3)
            const ledger = page.ledger
            const late = rowOfTitle(ledger, "Ledger case: dues book late")
            const later = rowOfTitle(ledger, "Ledger case: minutes unsigned")
            const none = rowOfTitle(ledger, "Ledger case: no plan")
            verify(late >= 0 && later >= 0 && none >= 0)
            compare(ledger.data(ledger.index(late, 0), LedgerModel.OverdueRole), true)
            compare(ledger.data(ledger.index(later, 0), LedgerModel.OverdueRole), false)
            compare(ledger.data(ledger.index(none, 0), LedgerModel.OverdueRole), false)
            // The row shows it too.
            list.positionViewAtIndex(late, ListView.Contain)
            const row = list.itemAtIndex(late)
            verify(row.overdue)
            verify(findChild(row, "dueLabel").text.indexOf("2026") >= 0)
            compare(child(page, "countLabel").text.indexOf("3") >= 0, true)

            child(page, "overdueSwitch").toggle()
            child(page, "overdueSwitch").toggled()
            tryCompare(list, "count", 1)
        }

        function test_filtersAndOrderComeFromThePickers() {
            const page = openPage()
            search(page, "Ledger case")
            const list = child(page, "ledgerList")
            tryCompare(list, "count", 3)
            const sortBox = child(page, "sortBox")
            sortBox.currentIndex = sortBox.indexOfValue(LedgerModel.ByDeduction)
            sortBox.activated(sortBox.currentIndex)
            compare(page.ledger.sortOrder, LedgerModel.ByDeduction)
            compare(page.ledger.data(page.ledger.index(0, 0), LedgerModel.TitleRole),
                    "Ledger case: minutes unsigned")
            sortBox.currentIndex = sortBox.indexOfValue(LedgerModel.ByDueDate)
            sortBox.activated(sortBox.currentIndex)
            compare(page.ledger.data(page.ledger.index(0, 0), LedgerModel.TitleRole),
                    "Ledger case: dues book late")
            compare(page.ledger.data(page.ledger.index(2, 0), LedgerModel.TitleRole),
                    "Ledger case: no plan") // no due date: last

            const statusBox = child(page, "statusBox")
            compare(statusBox.currentIndex, 0) // every status
            statusBox.currentIndex = 4 // closed
            statusBox.activated(4)
            tryCompare(list, "count", 0)
            statusBox.currentIndex = 1 // open
            statusBox.activated(1)
            tryCompare(list, "count", 3)
            const unitBox = child(page, "unitBox")
            compare(unitBox.count, 2) // every unit, the round's one unit
            compare(unitBox.currentIndex, 0)
        }

        function test_choosingARowShowsItsDetailAndNextStep() {
            const page = openPage()
            search(page, "minutes unsigned")
            const list = child(page, "ledgerList")
            tryCompare(list, "count", 1)
            mouseClick(list.itemAtIndex(0))
            verify(page.selectedFindingId.length > 0)
            tryCompare(child(page, "detailTitle"), "text", "Ledger case: minutes unsigned")
            const step = child(page, "stepButton")
            verify(step.visible)
            compare(step.text, "Start rectification")
            waitForRendering(page) // the detail is laid out before it is tapped
            mouseClick(step)
            const dialog = child(page, "transitionDialog")
            tryCompare(dialog, "opened", true)
            dialog.close()
            tryCompare(dialog, "visible", false)
        }

        function test_exportsWhatIsShownAsCsv() {
            const page = openPage()
            search(page, "Ledger case")
            tryCompare(child(page, "ledgerList"), "count", 3)
            exportedSpy.target = page.ledger
            exportedSpy.clear()
            verify(page.ledger.exportCsv("file://" + AppServices.dataDir + "/ledger-test.csv"))
            compare(exportedSpy.count, 1)
            compare(exportedSpy.signalArguments[0][0], 3)
            const notice = child(page, "ledgerNotice")
            verify(notice.visible)
            verify(notice.text.indexOf("ledger-test.csv") >= 0, notice.text)
            verify(page.ledger.suggestedFileName().length > 0)
        }
    }
}
