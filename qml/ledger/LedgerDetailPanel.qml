pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The chosen ledger finding: what it is, its rectification so far (who, when, what was noted),
// its evidence, and the steps the lifecycle allows next (验收 included).
Item {
    id: root

    property string findingId
    property bool showBack: false
    readonly property alias lifecycle: lifecycle

    signal closeRequested()
    signal editRequested(string findingId, string visitId)
    signal photoChosen(string photoId, string caption)

    // Opens the dialog of the first step allowed now (the page tour shows it).
    function openNextStep() {
        if (lifecycle.allowedActions.length > 0)
            dialog.openFor(lifecycle.allowedActions[0].action)
    }

    FindingLifecycle {
        id: lifecycle

        services: AppServices
        findingId: root.findingId
    }
    FindingHistoryModel {
        id: history

        services: AppServices
        findingId: root.findingId
    }

    TransitionDialog {
        id: dialog

        lifecycle: lifecycle
    }

    Flickable {
        id: flick

        anchors.fill: parent
        visible: lifecycle.found
        contentHeight: content.implicitHeight + 32
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: content

            x: 16
            y: 8
            width: flick.width - 32
            spacing: 8

            Button {
                visible: root.showBack
                flat: true
                text: qsTr("Back to the list")
                onClicked: root.closeRequested()
            }
            Label {
                objectName: "detailTitle"
                Layout.fillWidth: true
                text: lifecycle.title
                font.pixelSize: 20
                font.bold: true
                wrapMode: Text.Wrap
            }
            RowLayout {
                spacing: 8

                Chip {
                    objectName: "detailStatus"
                    text: lifecycle.statusName
                    tint: root.Material.primary
                }
                Chip {
                    visible: lifecycle.overdue
                    text: qsTr("Overdue")
                    tint: Material.color(Material.Red)
                }
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 16
                rowSpacing: 4

                Label { text: qsTr("Unit"); opacity: 0.7 }
                Label {
                    Layout.fillWidth: true
                    text: lifecycle.unitName
                    wrapMode: Text.Wrap
                }
                Label { text: qsTr("Checklist item"); opacity: 0.7 }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 · %2 · −%3", "item code · severity · points deducted")
                          .arg(lifecycle.itemCode).arg(lifecycle.severityName)
                          .arg(lifecycle.deductionText)
                    wrapMode: Text.Wrap
                }
                Label { text: qsTr("Responsible unit or person"); opacity: 0.7 }
                Label {
                    Layout.fillWidth: true
                    text: lifecycle.responsibleParty.length > 0 ? lifecycle.responsibleParty
                                                                : qsTr("Not set")
                    wrapMode: Text.Wrap
                }
                Label { text: qsTr("Due date"); opacity: 0.7 }
                Label {
                    Layout.fillWidth: true
                    text: lifecycle.dueDateText.length > 0 ? lifecycle.dueDateText
                                                           : qsTr("Not set")
                    color: lifecycle.overdue ? Material.color(Material.Red, Material.Shade800)
                                             : Material.foreground
                }
            }
            Label {
                Layout.fillWidth: true
                visible: lifecycle.description.length > 0
                text: lifecycle.description
                wrapMode: Text.Wrap
                opacity: 0.85
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8

                Repeater {
                    model: lifecycle.allowedActions

                    Button {
                        id: step

                        required property var modelData

                        objectName: "stepButton"
                        highlighted: true
                        text: lifecycle.verificationDue ? qsTr("Verify…", "open the 验收 dialog")
                                                        : step.modelData.text
                        // Verification offers passed and not passed in one dialog.
                        visible: !lifecycle.verificationDue
                                 || step.modelData.action === FindingLifecycle.VerifyPassed
                        onClicked: dialog.openFor(step.modelData.action)
                    }
                }
                Button {
                    flat: true
                    text: qsTr("Edit the finding")
                    onClicked: root.editRequested(root.findingId, lifecycle.visitId)
                }
            }
            Label {
                Layout.fillWidth: true
                visible: lifecycle.allowedActions.length === 0
                text: qsTr("Closed (销号): no further step.", "ledger: a closed finding")
                opacity: 0.7
                wrapMode: Text.Wrap
            }

            SectionHeading {
                Layout.fillWidth: true
                Layout.topMargin: 8
                title: qsTr("Rectification history")
                detail: qsTr("%n step(s)", "", history.count)
            }
            Repeater {
                model: history

                HistoryDelegate {
                    Layout.fillWidth: true
                    onPhotoChosen: photoId => root.photoChosen(photoId, "")
                }
            }
            Label {
                Layout.fillWidth: true
                visible: history.count === 0
                text: qsTr("No step yet: the finding is as it was recorded.")
                opacity: 0.7
                wrapMode: Text.Wrap
            }

            PhotoStrip {
                Layout.fillWidth: true
                Layout.topMargin: 8
                recordId: root.findingId
                title: qsTr("Evidence photos")
                onPhotoChosen: (photoId, caption) => root.photoChosen(photoId, caption)
            }
        }
    }

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        visible: !lifecycle.found
        title: qsTr("Choose a finding")
        hint: qsTr("Its rectification history and next step show here.")
    }
}
