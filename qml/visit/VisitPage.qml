pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// One visit: the checklist by level (left), the score and the findings (right). In portrait
// the two halves are tabs.
Page {
    id: root

    property string visitId
    readonly property bool wide: width >= height

    signal backRequested()
    signal findingChosen(string findingId, string visitId)
    signal newFindingRequested(string visitId, string checklistItemId)
    signal interviewChosen(string interviewId, string visitId)
    signal newInterviewRequested(string visitId)
    signal ledgerRequested(string campaignId)

    VisitSummary {
        id: summary

        services: AppServices
        visitId: root.visitId
    }

    header: ToolBar {
        Material.foreground: "white"

        RowLayout {
            anchors.fill: parent
            spacing: 4

            ToolButton {
                text: qsTr("Back")
                onClicked: root.backRequested()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Label {
                    Layout.fillWidth: true
                    text: summary.found ? summary.unitName : qsTr("Visit")
                    font.pixelSize: 18
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    visible: summary.found
                    text: qsTr("%1 · %2 · %3", "visit date · round · status")
                          .arg(summary.dateText).arg(summary.campaignName).arg(summary.statusName)
                    font.pixelSize: 13
                    opacity: 0.85
                    elide: Text.ElideRight
                }
            }
            ToolButton {
                objectName: "ledgerButton"
                visible: summary.found
                text: qsTr("Ledger", "toolbar action: open the round's ledger (台账)")
                onClicked: root.ledgerRequested(summary.campaignId)
            }
            VisitReportButton {
                visible: summary.found
                visitId: root.visitId
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        visible: summary.found

        TabBar {
            id: tabs

            Layout.fillWidth: true
            visible: !root.wide

            TabButton {
                text: qsTr("Checklist")
            }
            TabButton {
                text: qsTr("Score and findings")
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ChecklistPanel {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 5
                visible: root.wide || tabs.currentIndex === 0
                visitId: root.visitId
                onItemChosen: itemId => root.newFindingRequested(root.visitId, itemId)
            }
            Rectangle {
                Layout.fillHeight: true
                implicitWidth: 1
                visible: root.wide
                color: Material.dividerColor
            }
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 6
                visible: root.wide || tabs.currentIndex === 1
                spacing: 0

                ScorePanel {
                    Layout.fillWidth: true
                    visitId: root.visitId
                }
                FindingsPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    visitId: root.visitId
                    onFindingChosen: findingId => root.findingChosen(findingId, root.visitId)
                }
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: 1
                    color: Material.dividerColor
                }
                InterviewsPanel {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.maximumHeight: root.height / 3
                    visitId: root.visitId
                    onInterviewChosen: interviewId => root.interviewChosen(interviewId,
                                                                            root.visitId)
                    onNewInterviewRequested: root.newInterviewRequested(root.visitId)
                }
            }
        }
    }

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        visible: !summary.found
        title: qsTr("This visit is not on this tablet")
        hint: qsTr("Go back and choose a visit from the list.")
    }
}
