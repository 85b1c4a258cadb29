pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Which of the visit's findings an interview note speaks to: tick any number of them.
ColumnLayout {
    id: root

    required property InterviewEditor editor
    // The ticked ids as a JS array, so that each row's binding follows the list.
    readonly property var linkedIds: root.editor.linkedFindingIds

    spacing: 0

    FindingListModel {
        id: findings

        services: AppServices
        visitId: root.editor.visitId
    }

    Label {
        Layout.fillWidth: true
        Layout.bottomMargin: 4
        text: qsTr("Linked findings (%1 of %2)", "ticked of all findings of the visit")
              .arg(root.editor.linkedFindingIds.length).arg(findings.totalCount)
        font.bold: true
        color: Material.primary
        elide: Text.ElideRight
    }
    Label {
        Layout.fillWidth: true
        visible: findings.totalCount === 0
        text: qsTr("The visit has no findings yet.")
        opacity: 0.7
    }
    ListView {
        id: list

        objectName: "linkedFindings"
        Layout.fillWidth: true
        implicitHeight: contentHeight
        interactive: false
        model: findings
        delegate: CheckDelegate {
            id: finding

            required property string findingId
            required property string title
            required property string itemCode

            width: ListView.view.width
            text: qsTr("%1 %2", "item code, finding title").arg(finding.itemCode).arg(finding.title)
            checked: root.linkedIds.indexOf(finding.findingId) >= 0
            onToggled: root.editor.setLinked(finding.findingId, finding.checked)
        }
    }
}
