pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The findings recorded on a visit, oldest first, read page by page as the list scrolls.
Item {
    id: root

    property string visitId

    signal findingChosen(string findingId)

    implicitHeight: 240

    FindingListModel {
        id: findings

        services: AppServices
        visitId: root.visitId
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            leftPadding: 16
            topPadding: 12
            bottomPadding: 8
            text: qsTr("Findings (%1)", "list header with the number of findings")
                  .arg(findings.totalCount)
            font.bold: true
            color: Material.primary
            elide: Text.ElideRight
        }
        ListView {
            id: list

            Layout.fillWidth: true
            Layout.fillHeight: true
            model: findings
            clip: true
            delegate: FindingDelegate {
                id: finding

                width: ListView.view.width
                onClicked: root.findingChosen(finding.findingId)
            }
            ScrollIndicator.vertical: ScrollIndicator {}

            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 420)
                visible: list.count === 0
                title: qsTr("No findings yet")
                hint: qsTr("Tap a checklist item to record a finding under it.")
            }
        }
    }
}
