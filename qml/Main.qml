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

    StackView {
        id: stack

        anchors.fill: parent
        // Hidden while locked: nothing decrypted shows behind the unlock page, and a text
        // field losing focus hands its text to its editor.
        visible: AppServices.unlocked
        initialItem: VisitListPage {
            onVisitChosen: visitId => root.openVisit(visitId)
        }
    }

    Component {
        id: visitPage

        VisitPage {
            onBackRequested: root.goBack()
            onFindingChosen: (findingId, visitId) => root.openFinding(findingId, visitId, "")
            onNewFindingRequested: (visitId, checklistItemId) =>
                                   root.openFinding("", visitId, checklistItemId)
        }
    }

    Component {
        id: findingPage

        FindingEditorPage {
            onBackRequested: root.goBack()
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
