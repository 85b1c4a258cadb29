pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldLedger

// One ledger row: the finding, its unit and item, who must rectify by when (in red when
// overdue), the deduction and the status.
//
// Made and reused by the thousand while the 50,000-finding ledger scrolls, so it is cheap to
// lay out and to draw: a fixed height, plain-text Text items at anchored places, no Layouts
// (whose implicit sizes settle over several passes), no rich-text detection, no ripple.
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

    implicitHeight: 76
    leftPadding: 16
    rightPadding: 16
    topPadding: 0
    bottomPadding: 0

    // Not the style's Ripple: under the software renderer each row's ripple paints a
    // row-wide circle into a pixmap of its own (several MB a row).
    background: Rectangle {
        color: root.highlighted ? root.Material.listHighlightColor
                                : root.down ? root.Material.rippleColor : "transparent"
    }

    contentItem: Item {
        Rectangle {
            x: 0
            y: 8
            width: 4
            height: parent.height - 16
            radius: 2
            visible: root.overdue
            color: Material.color(Material.Red)
        }
        Text {
            id: titleText

            anchors.left: parent.left
            anchors.leftMargin: 16
            anchors.right: deductionText.left
            anchors.rightMargin: 12
            y: 7
            text: root.title
            textFormat: Text.PlainText
            font.pixelSize: 16
            color: root.Material.foreground
            elide: Text.ElideRight
        }
        Text {
            id: placeText

            anchors.left: titleText.left
            anchors.right: titleText.right
            anchors.top: titleText.bottom
            anchors.topMargin: 2
            text: qsTr("%1 · %2", "unit · checklist item code").arg(root.unitName)
                                                                 .arg(root.itemCode)
            textFormat: Text.PlainText
            font.pixelSize: 13
            color: root.Material.foreground
            opacity: 0.7
            elide: Text.ElideRight
        }
        Text {
            objectName: "dueLabel"
            anchors.left: titleText.left
            anchors.right: titleText.right
            anchors.top: placeText.bottom
            anchors.topMargin: 2
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
            textFormat: Text.PlainText
            color: root.overdue ? Material.color(Material.Red, Material.Shade800)
                                : root.Material.foreground
            opacity: root.overdue ? 1 : 0.7
            font.pixelSize: 13
            font.bold: root.overdue
            elide: Text.ElideRight
        }
        Text {
            id: deductionText

            anchors.right: statusChip.left
            anchors.rightMargin: 12
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("−%1", "points deducted").arg(root.deduction)
            textFormat: Text.PlainText
            font.pixelSize: 18
            font.bold: true
            color: Material.color(Material.Red)
        }
        Chip {
            id: statusChip

            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            width: Math.min(implicitWidth, 150)
            text: root.statusName
            tint: root.Material.primary
        }
    }
}
