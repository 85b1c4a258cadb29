pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldLedger

// The window: a stack of pages (visits → visit → finding) under the unlock page, which covers
// everything while the vault is locked. Locking keeps the stack, so work resumes where it was.
ApplicationWindow {
    id: root

    width: 1280
    height: 800
    minimumWidth: 360
    minimumHeight: 480
    visible: true
    title: qsTr("FieldLedger", "window title; the product name 督查台账")

    Material.theme: Material.Light
    Material.primary: "#b71c1c"
    Material.accent: Material.Red

    // Navigation, also called by the page tour (--self-test, --screenshot-dir).
    function openVisit(visitId) {
        stack.push(visitPage, { visitId: visitId })
    }
    function openFinding(findingId, visitId, checklistItemId) {
        stack.push(findingPage, { findingId: findingId, visitId: visitId,
                                  checklistItemId: checklistItemId })
    }
    function goBack() {
        if (stack.depth > 1)
            stack.pop()
    }
    function openLedger(campaignId, findingId) {
        stack.push(ledgerPage, { campaignId: campaignId, selectedFindingId: findingId || "" })
    }
    function openInterview(interviewId, visitId) {
        stack.push(interviewPage, { interviewId: interviewId, visitId: visitId })
    }
    function openPhoto(photoId, caption) {
        stack.push(photoPage, { photoId: photoId, caption: caption || "" })
    }
    // The page tour: the ledger's dialog for the chosen finding's next step.
    function openLedgerStep() {
        const page = stack.currentItem as LedgerPage
        if (page)
            page.openNextStep()
    }
    function openSync() {
        stack.push(syncPage)
    }
    function openSettings() {
        stack.push(settingsPage)
    }
    function openEnrolment() {
        stack.push(enrolmentPage)
    }
    // The office's planning forms (rounds, checklists, units, visits, team, enrolment codes);
    // `tab` (optional) opens one of its tabs: 0 round … 3 team and enrolment.
    function openPlanning(tab) {
        stack.push(planningPage, { initialTab: tab || 0 })
    }
    // The office console (office role; also reached by the page tour); `section` (optional):
    // "dashboard", "visits" or "ledger".
    function openOffice(section) {
        stack.push(officePage, { section: section || "dashboard" })
    }
    // After a language switch: builds the pages again, so that texts made in C++ (model
    // roles) are in the new language too, and returns to the settings.
    function rebuildPages() {
        stack.replace(null, visitsPage, {}, StackView.Immediate)
        stack.push(settingsPage, {}, StackView.Immediate)
    }

    StackView {
        id: stack

        objectName: "pageStack"
        anchors.fill: parent
        // Hidden while locked: nothing decrypted shows behind the unlock page, and a text
        // field losing focus hands its text to its editor.
        visible: AppServices.unlocked
        initialItem: visitsPage
    }

    Component {
        id: visitsPage

        VisitListPage {
            onVisitChosen: visitId => root.openVisit(visitId)
            onSyncRequested: root.openSync()
            onSettingsRequested: root.openSettings()
            onLedgerRequested: campaignId => root.openLedger(campaignId, "")
            onOfficeRequested: root.openOffice()
        }
    }

    Component {
        id: officePage

        OfficeConsolePage {
            planningAvailable: true
            onBackRequested: root.goBack()
            onPlanningRequested: root.openPlanning(0)
            onVisitChosen: visitId => root.openVisit(visitId)
            onLedgerRequested: (campaignId, findingId) => root.openLedger(campaignId, findingId)
            onSyncRequested: root.openSync()
            onSettingsRequested: root.openSettings()
        }
    }

    Component {
        id: visitPage

        VisitPage {
            onBackRequested: root.goBack()
            onFindingChosen: (findingId, visitId) => root.openFinding(findingId, visitId, "")
            onNewFindingRequested: (visitId, checklistItemId) =>
                                   root.openFinding("", visitId, checklistItemId)
            onInterviewChosen: (interviewId, visitId) => root.openInterview(interviewId, visitId)
            onNewInterviewRequested: visitId => root.openInterview("", visitId)
            onLedgerRequested: campaignId => root.openLedger(campaignId, "")
        }
    }

    Component {
        id: findingPage

        FindingEditorPage {
            onBackRequested: root.goBack()
            onPhotoChosen: (photoId, caption) => root.openPhoto(photoId, caption)
        }
    }

    Component {
        id: ledgerPage

        LedgerPage {
            onBackRequested: root.goBack()
            onFindingOpened: (findingId, visitId) => root.openFinding(findingId, visitId, "")
            onPhotoChosen: (photoId, caption) => root.openPhoto(photoId, caption)
        }
    }

    Component {
        id: interviewPage

        InterviewEditorPage {
            onBackRequested: root.goBack()
            onPhotoChosen: (photoId, caption) => root.openPhoto(photoId, caption)
        }
    }

    Component {
        id: photoPage

        PhotoViewerPage {
            onBackRequested: root.goBack()
        }
    }

    Component {
        id: syncPage

        SyncPage {
            onBackRequested: root.goBack()
            onSettingsRequested: root.openSettings()
        }
    }

    Component {
        id: settingsPage

        SettingsPage {
            onBackRequested: root.goBack()
            onLanguageSwitched: rebuild.start() // not from inside the page being replaced
        }
    }

    Timer {
        id: rebuild

        interval: 0
        onTriggered: root.rebuildPages()
    }

    Component {
        id: planningPage

        PlanningPage {
            onBackRequested: root.goBack()
        }
    }

    Component {
        id: enrolmentPage

        EnrolmentPage {
            onDone: root.goBack()
        }
    }

    // First start: once the vault is made, offer to enrol the tablet (skippable).
    Connections {
        target: AppServices
        function onVaultExistsChanged() {
            if (AppServices.vaultExists && !SyncStatus.enrolled)
                root.openEnrolment()
        }
    }

    UnlockPage {
        anchors.fill: parent
        visible: !AppServices.unlocked
    }

    Shortcut {
        sequences: ["Back", "Alt+Left"] // Android back key, desktop back
        onActivated: root.goBack()
    }
}
