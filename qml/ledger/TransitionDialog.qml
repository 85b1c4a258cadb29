pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Records one lifecycle step of a finding: who, a note, evidence photos. For verification
// (验收) it asks passed or not passed. The domain decides; a refused step stays open with
// the domain's reason and nothing is written.
Dialog {
    id: root

    required property FindingLifecycle lifecycle
    property int action: FindingLifecycle.StartRectification
    property var evidence: [] // ids of photos added for this step
    readonly property bool verification: root.action === FindingLifecycle.VerifyPassed
                                         || root.action === FindingLifecycle.VerifyFailed

    // Starts a step; verification starts undecided between passed and not passed.
    function openFor(action) {
        root.action = action
        passed.checked = false
        notPassed.checked = false
        actor.text = root.lifecycle.suggestedActor
        note.text = ""
        root.evidence = []
        root.lifecycle.clearError()
        root.open()
    }
    function submit() {
        if (root.verification && !passed.checked && !notPassed.checked) {
            choiceHint.visible = true
            return
        }
        if (root.lifecycle.perform(root.action, actor.text, note.text, root.evidence))
            root.close()
    }

    objectName: "transitionDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 32 : 560, 560)
    modal: true
    title: root.verification ? qsTr("Verification (验收)", "dialog title")
                             : root.lifecycle.actionName(root.action)

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 8

        Label {
            Layout.fillWidth: true
            text: root.lifecycle.title
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: root.verification
            text: qsTr("Check the rectification against the ledger, then record the result.")
            opacity: 0.7
            wrapMode: Text.Wrap
        }
        RowLayout {
            visible: root.verification
            spacing: 16

            RadioButton {
                id: passed

                objectName: "passedButton"
                text: qsTr("Passed", "verification result: 通过")
                onToggled: {
                    root.action = FindingLifecycle.VerifyPassed
                    choiceHint.visible = false
                }
            }
            RadioButton {
                id: notPassed

                objectName: "notPassedButton"
                text: qsTr("Not passed", "verification result: 不通过")
                onToggled: {
                    root.action = FindingLifecycle.VerifyFailed
                    choiceHint.visible = false
                }
            }
        }
        Label {
            id: choiceHint

            objectName: "choiceHint"
            Layout.fillWidth: true
            visible: false
            text: qsTr("Choose passed or not passed.")
            color: Material.color(Material.Red, Material.Shade900)
        }
        Label { text: qsTr("Recorded by"); opacity: 0.7 }
        TextField {
            id: actor

            objectName: "actorField"
            Layout.fillWidth: true
            placeholderText: qsTr("The inspector's name")
        }
        Label {
            text: root.verification ? qsTr("What was checked") : qsTr("Note")
            opacity: 0.7
        }
        TextArea {
            id: note

            objectName: "noteField"
            Layout.fillWidth: true
            Layout.minimumHeight: 96
            wrapMode: TextEdit.Wrap
            placeholderText: root.verification
                             ? qsTr("Documents and places checked, what was found")
                             : qsTr("Optional")
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: qsTr("%n evidence photo(s)", "", root.evidence.length)
                opacity: 0.7
            }
            Button {
                objectName: "addEvidenceButton"
                flat: true
                text: qsTr("Add photo…")
                onClicked: evidenceDialog.open()
            }
        }
        Label {
            Layout.fillWidth: true
            visible: evidencePhotos.errorString.length > 0
            text: evidencePhotos.errorString
            color: Material.color(Material.Red, Material.Shade900)
            wrapMode: Text.Wrap
        }
        Pane {
            Layout.fillWidth: true
            visible: root.lifecycle.errorString.length > 0
            Material.background: Material.color(Material.Red, Material.Shade50)

            Label {
                objectName: "transitionError"
                width: parent.width
                text: root.lifecycle.errorString
                color: Material.color(Material.Red, Material.Shade900)
                wrapMode: Text.Wrap
            }
        }
    }

    // Evidence is attached to the finding; the step lists which of its photos it rests on.
    PhotoListModel {
        id: evidencePhotos

        services: AppServices
        recordId: root.lifecycle.findingId
    }
    PhotoFileDialog {
        id: evidenceDialog

        currentFolder: evidencePhotos.picturesFolder
        onAccepted: {
            const id = evidencePhotos.importFile(evidenceDialog.selectedFile)
            if (id.length > 0)
                root.evidence = root.evidence.concat([id])
        }
    }

    footer: Pane {
        RowLayout {
            anchors.right: parent.right
            spacing: 8

            Button {
                text: qsTr("Cancel")
                flat: true
                onClicked: root.reject()
            }
            Button {
                objectName: "recordButton"
                text: qsTr("Record step")
                highlighted: true
                onClicked: root.submit()
            }
        }
    }
}
