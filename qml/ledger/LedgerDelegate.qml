pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// One ledger row: the finding, its unit and item, who must rectify by when (in red when
// overdue), the deduction and the status.
ItemDelegate {
    id: root

    required property string findingId
    required property string title
    required property string unitName
    required property string itemCode
    required property string responsibleParty
    required property double deduction
    required property string statusName
    required property string dueDateText
    required property bool overdue

    implicitHeight: Math.max(72, implicitContentHeight + topPadding + bottomPadding)
    leftPadding: 16
    rightPadding: 16

    contentItem: RowLayout {
        spacing: 12

        Rectangle {
            Layout.fillHeight: true
            implicitWidth: 4
            radius: 2
            color: root.overdue ? Material.color(Material.Red) : "transparent"
        }
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
                text: qsTr("%1 · %2", "unit · checklist item code").arg(root.unitName)
                                                                     .arg(root.itemCode)
                opacity: 0.7
                font.pixelSize: 13
                elide: Text.ElideRight
            }
            Label {
                objectName: "dueLabel"
                Layout.fillWidth: true
                visible: text.length > 0
                text: {
                    if (root.dueDateText.length === 0)
                        return root.responsibleParty
                    const due = root.overdue ? qsTr("overdue since %1", "due date passed")
                                               .arg(root.dueDateText)
                                             : qsTr("due %1").arg(root.dueDateText)
                    return root.responsibleParty.length > 0
                            ? qsTr("%1 · %2", "responsible party · due date")
                              .arg(root.responsibleParty).arg(due)
                            : due
                }
                color: root.overdue ? Material.color(Material.Red, Material.Shade800)
                                    : Material.foreground
                opacity: root.overdue ? 1 : 0.7
                font.pixelSize: 13
                font.bold: root.overdue
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
            Layout.maximumWidth: 150
            text: root.statusName
            tint: root.Material.primary
        }
    }
}
