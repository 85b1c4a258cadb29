pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// One finding: title, item and severity, deduction, rectification status and due date.
ItemDelegate {
    id: root

    required property string findingId
    required property string title
    required property string itemCode
    required property string severityName
    required property double deduction
    required property string statusName
    required property string dueDateText
    required property bool overdue

    implicitHeight: Math.max(64, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 16
    rightPadding: 16

    contentItem: RowLayout {
        spacing: 12

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2

            Label {
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: 16
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: root.dueDateText.length > 0
                      ? qsTr("%1 · %2 · due %3", "item code · severity · due date")
                        .arg(root.itemCode).arg(root.severityName).arg(root.dueDateText)
                      : qsTr("%1 · %2", "item code · severity")
                        .arg(root.itemCode).arg(root.severityName)
                color: root.overdue ? Material.color(Material.Red) : Material.foreground
                opacity: root.overdue ? 1 : 0.7
                font.pixelSize: 13
                elide: Text.ElideRight
            }
        }
        Label {
            text: qsTr("−%1", "points deducted").arg(root.deduction)
            font.pixelSize: 18
            font.bold: true
            color: Material.color(Material.Red)
        }
        Chip {
            Layout.maximumWidth: 140
            text: root.statusName
            tint: Material.primary
        }
    }
}
