import QtQuick
import QtTest
import FieldLedger

// The office's planning page: forms write through OfficePlanning into the store, refused values
// show the domain's reason inline and write nothing, and the server's part says what it needs.
// (No visit is created here: other page tests pick the first visit of the shared data folder.)
Item {
    id: root

    width: 1280
    height: 800

    TestCase {
        id: testCase

        name: "PlanningPage"
        when: windowShown

        Component {
            id: pageComponent

            PlanningPage {
                anchors.fill: parent
            }
        }

        function init() {
            if (!AppServices.unlocked) {
                AppServices.unlock("app test passphrase")
                tryCompare(AppServices, "unlocked", true, 5000)
            }
        }

        function openPage(tab) {
            const page = createTemporaryObject(pageComponent, root, { initialTab: tab })
            verify(page)
            waitForRendering(page)
            return page
        }

        function type(page, fieldName, text) {
            const f = findChild(page, fieldName)
            verify(f, fieldName)
            f.text = text
        }

        function click(page, buttonName) {
            const b = findChild(page, buttonName)
            verify(b, buttonName)
            verify(b.enabled, buttonName + " is enabled")
            b.clicked()
        }

        function test_roundIsCreatedAndChosen() {
            const page = openPage(0)
            const before = page.planning.campaigns.length
            verify(before >= 1) // the fixture's round
            type(page, "roundNameField", "Fifth round")
            type(page, "roundStartField", "2026-12-01")
            type(page, "roundEndField", "2027-01-31")
            type(page, "roundBase0Field", "40")
            click(page, "createRoundButton")
            compare(findChild(page, "roundMessage").text, "")
            compare(page.planning.campaigns.length, before + 1)
            const created = page.planning.campaigns[page.planning.campaigns.length - 1]
            compare(created.name, "Fifth round")
            compare(page.planning.campaignId, created.campaignId)
            verify(findChild(page, "roundDone").visible)
            compare(findChild(page, "roundNameField").text, "")
        }

        function test_roundWithoutNameIsExplainedNotSaved() {
            const page = openPage(0)
            const before = page.planning.campaigns.length
            type(page, "roundNameField", "")
            click(page, "createRoundButton")
            const message = findChild(page, "roundMessage")
            verify(message.visible)
            verify(message.text.length > 0)
            compare(page.planning.campaigns.length, before)

            type(page, "roundNameField", "Sixth round")
            type(page, "roundEndField", "end of year")
            click(page, "createRoundButton")
            verify(message.text.indexOf("2026-11-20") >= 0, message.text) // the date format
            compare(page.planning.campaigns.length, before)
        }

        function test_checklistItemOverZeroIsAddedAndZeroRefused() {
            const page = openPage(1)
            verify(page.planning.campaignId.length > 0)
            const before = page.planning.checklist.length
            findChild(page, "itemLevelBox").currentIndex = 2
            type(page, "itemCodeField", "3.9")
            type(page, "itemTextField", "Branch meetings held as planned")
            type(page, "itemMaxField", "0")
            click(page, "addItemButton")
            const message = findChild(page, "itemMessage")
            verify(message.visible)
            verify(message.text.indexOf("3.9") >= 0, message.text)
            compare(page.planning.checklist.length, before)

            type(page, "itemMaxField", "6")
            click(page, "addItemButton")
            compare(message.text, "")
            compare(page.planning.checklist.length, before + 1)
            const added = page.planning.checklist.filter(i => i.code === "3.9")[0]
            verify(added)
            compare(added.level, 2)
            compare(added.maxDeduction, "6")
            compare(findChild(page, "itemCodeField").text, "") // ready for the next item
        }

        function test_unitIsAddedAndVisitNeedsADate() {
            const page = openPage(2)
            const before = page.planning.units.length
            type(page, "unitNameField", "Provincial Department of Transport")
            click(page, "addUnitButton")
            compare(findChild(page, "unitMessage").text, "")
            compare(page.planning.units.length, before + 1)
            verify(page.planning.units.some(u => u.name === "Provincial Department of Transport"))

            const visitsBefore = page.planning.visits.length
            findChild(page, "visitUnitBox").currentIndex = 0
            type(page, "visitDateField", "")
            type(page, "visitTeamField", "Zhang Ming, Li Hua")
            click(page, "addVisitButton")
            const message = findChild(page, "visitMessage")
            verify(message.visible)
            verify(message.text.length > 0)
            compare(page.planning.visits.length, visitsBefore)
        }

        function test_serverPartSaysWhatItNeeds() {
            const page = openPage(3)
            // This folder's device is not enrolled: the page says so and offers no server call.
            verify(!page.planning.officeDevice)
            const notice = findChild(page, "serverNotice")
            verify(notice.visible)
            verify(page.planning.serverNotice.length > 0)
            verify(!findChild(page, "issueCodeButton").enabled)
            verify(!findChild(page, "shareButton").enabled)
            verify(!findChild(page, "refreshDevicesButton").enabled)
        }
    }
}
