import QtQuick
import QtTest
import FieldLedger

// The office console's dashboard: its bars and figures show the rates and overdue findings of
// the data, counted here independently through the ledger; an overdue finding opens the
// ledger; no data shows an empty state; a narrow window gets tabs instead of the side bar.
Item {
    id: root

    width: 1280
    height: 800

    TestCase {
        id: testCase

        name: "DashboardPage"
        when: windowShown

        property string visitId
        property string campaignId
        property string itemId
        property string lateId

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
            id: lifecycleComponent

            FindingLifecycle {
                services: AppServices
            }
        }
        Component {
            id: ledgerComponent

            LedgerModel {
                services: AppServices
                today: new Date(2027, 0, 15)
            }
        }
        Component {
            id: pageComponent

            OfficeConsolePage {
                anchors.fill: parent
            }
        }
        Component {
            id: emptyPanelComponent

            DashboardPanel {
                anchors.fill: parent
                dashboard: DashboardModel {} // no services: nothing to show
            }
        }
        Component {
            id: reportButtonComponent

            VisitReportButton {}
        }
        SignalSpy {
            id: ledgerSpy

            signalName: "ledgerRequested"
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

        function closeFinding(findingId) {
            const steps = createTemporaryObject(lifecycleComponent, testCase, {
                findingId: findingId })
            verify(steps.perform(FindingLifecycle.StartRectification, "张明", ""), steps.errorString)
            verify(steps.perform(FindingLifecycle.SubmitForVerification, "张明", ""),
                   steps.errorString)
            verify(steps.perform(FindingLifecycle.VerifyPassed, "张明", "照账验收"),
                   steps.errorString)
        }

        // The round's findings as the ledger counts them: all, closed, overdue on 2027-01-15.
        function ledgerCount(properties) {
            const ledger = createTemporaryObject(ledgerComponent, testCase, {
                campaignId: testCase.campaignId })
            for (const key in properties)
                ledger[key] = properties[key]
            if (Object.keys(properties).length > 0)
                tryVerify(() => ledger.allLoaded, 10000)
            return ledger.totalCount
        }

        function initTestCase() {
            AppServices.unlock("app test passphrase")
            tryCompare(AppServices, "unlocked", true, 5000)
            visitId = visits.data(visits.index(0, 0), VisitListModel.VisitIdRole)
            campaignId = visits.data(visits.index(0, 0), VisitListModel.CampaignIdRole)
            itemId = checklist.data(checklist.index(0, 0), ChecklistModel.ItemIdRole)
            lateId = addFinding("Dashboard case: plan late", 1, "2026-12-01")
            closeFinding(addFinding("Dashboard case: minutes fixed", 1, "2026-12-02"))
            addFinding("Dashboard case: no date", 1, "")
        }

        function init() {
            if (!AppServices.unlocked) {
                AppServices.unlock("app test passphrase")
                tryCompare(AppServices, "unlocked", true, 5000)
            }
        }

        function openPage() {
            const page = createTemporaryObject(pageComponent, root)
            verify(page)
            page.dashboard.today = new Date(2027, 0, 15)
            tryVerify(() => !page.dashboard.loading && page.dashboard.campaignCount > 0, 10000)
            waitForRendering(page)
            return page
        }

        // Every descendant with that objectName (Repeater rows included).
        function all(item, name) {
            let found = []
            for (let i = 0; i < item.children.length; ++i) {
                const c = item.children[i]
                if (c.objectName === name)
                    found.push(c)
                found = found.concat(all(c, name))
            }
            return found
        }

        // The bar of this test's round (other test files may add rounds to the folder).
        function barOfRound(chart) {
            const bars = all(chart, "rateBar").filter(
                           b => b.modelData.campaignId === testCase.campaignId)
            compare(bars.length, 1)
            return bars[0]
        }

        function child(item, name) {
            const found = findChild(item, name)
            verify(found, name)
            return found
        }

        function test_barsShowTheRatesOfTheData() {
            const all = ledgerCount({})
            const closed = ledgerCount({ statusFilter: 3 }) // closed
            verify(all >= 3 && closed >= 1, all + " " + closed)
            const expected = closed / all
            const page = openPage()
            verify(page.dashboard.findingCount >= all)

            // The round's bar: its value written beside it, its length the rate.
            const bar = barOfRound(child(page, "campaignChart"))
            const text = child(bar, "rateText").text
            compare(text, page.dashboard.rateText(expected))
            verify(Math.abs(parseFloat(text) - expected * 100) < 0.051, text)
            const fill = child(bar, "rateFill")
            verify(fill.parent.width > 100)
            fuzzyCompare(fill.width, fill.parent.width * expected, 1)
            // The round's only unit carries the same figure.
            const unitBar = barOfRound(child(page, "unitChart"))
            compare(child(unitBar, "rateText").text, text)
            // The totals tile: closed ÷ all of every round.
            compare(child(page, "rateTile").value,
                    page.dashboard.rateText(page.dashboard.closedCount
                                            / page.dashboard.findingCount))
        }

        function test_overdueFindingsAreListedAndOpenTheLedger() {
            const overdue = ledgerCount({ overdueOnly: true })
            verify(overdue >= 1)
            const page = openPage()
            verify(page.dashboard.overdueCount >= overdue)
            const round = page.dashboard.campaigns.find(c => c.campaignId === testCase.campaignId)
            compare(round.overdue, overdue)
            compare(child(page, "overdueTile").value, String(page.dashboard.overdueCount))
            const items = page.dashboard.overdueItems
            const late = items.findIndex(i => i.findingId === testCase.lateId)
            verify(late >= 0)
            compare(items[late].title, "Dashboard case: plan late")
            compare(items[late].daysOverdue, 45) // 2026-12-01 → 2027-01-15
            verify(!items.some(i => i.title === "Dashboard case: minutes fixed")) // closed
            verify(!items.some(i => i.title === "Dashboard case: no date"))

            ledgerSpy.target = page
            ledgerSpy.clear()
            const panel = child(page, "overduePanel")
            const row = child(panel, "overdueRow")
            mouseClick(row)
            compare(ledgerSpy.count, 1)
            compare(ledgerSpy.signalArguments[0][0], testCase.campaignId)
            compare(ledgerSpy.signalArguments[0][1], items[0].findingId)
        }

        function test_scoresOfTheUnitAreShown() {
            const page = openPage()
            const model = page.dashboard
            let row = -1
            for (let i = 0; i < model.count; ++i) {
                if (model.data(model.index(i, 0), DashboardModel.CampaignIdRole) === campaignId)
                    row = i
            }
            verify(row >= 0)
            const base = model.data(model.index(row, 0), DashboardModel.BaseRole)
            const score = model.data(model.index(row, 0), DashboardModel.ScoreRole)
            verify(score < base) // the findings above deduct
            const unitRow = all(page, "unitRow").find(r => r.campaignId === campaignId)
            verify(unitRow)
            compare(child(unitRow, "unitScore").text, String(score) + " / " + String(base))
        }

        function test_noDataShowsAnEmptyState() {
            const panel = createTemporaryObject(emptyPanelComponent, root)
            tryVerify(() => !panel.dashboard.loading)
            verify(child(panel, "dashboardEmpty").visible)
            compare(panel.dashboard.campaignCount, 0)
        }

        function test_visitReportButtonSavesThePdfAndSaysWhere() {
            const button = createTemporaryObject(reportButtonComponent, root, {
                visitId: testCase.visitId })
            verify(button)
            button.clicked()
            const dialog = button.saveDialog
            tryCompare(dialog, "visible", true)
            verify(String(dialog.selectedFile).endsWith(".pdf"), dialog.selectedFile)
            // Another place, chosen in the dialog.
            dialog.reject()
            tryCompare(dialog, "visible", false)
            dialog.selectedFile = "file://" + AppServices.dataDir + "/visit-report-test.pdf"
            dialog.open()
            tryCompare(dialog, "visible", true)
            dialog.accept()
            compare(button.exporter.errorString, "")
            compare(button.exporter.lastPath, AppServices.dataDir + "/visit-report-test.pdf")
            const result = button.resultDialog
            tryCompare(result, "opened", true)
            compare(result.failed, false)
            verify(findChild(result.contentItem, "exportResultText").text
                   .indexOf("visit-report-test.pdf") >= 0)
            result.close()
            tryCompare(result, "visible", false)

            // A folder that cannot be written: the dialog says so and what to do.
            button.exporter.exportVisitPdf(testCase.visitId, "file:///sys/visit-report.pdf")
            tryCompare(result, "opened", true)
            compare(result.failed, true)
            verify(result.message.indexOf("/sys") >= 0, result.message)
            result.close()
            tryCompare(result, "visible", false)
        }

        function test_narrowWindowsGetTabs() {
            const page = openPage()
            verify(child(page, "nav_dashboard").visible)
            page.anchors.fill = undefined
            page.width = 600
            page.height = 900
            verify(!page.wide)
            verify(!child(page, "nav_dashboard").visible)
            // The ledger section lists the round with its exports.
            page.section = "ledger"
            const rounds = child(page, "roundLedgerPanel")
            tryVerify(() => rounds.visible)
            verify(child(rounds, "exportXlsxButton"))
            verify(child(rounds, "exportCsvButton"))
        }
    }
}
