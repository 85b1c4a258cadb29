pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// One visit: the unit, the date and team, status, findings so far and unsynced changes;
// the first visit of a round also carries the round's heading.
Column {
    id: root

    required property string visitId
    required property string campaignId
    required property string campaignName
    required property string campaignPeriod
    required property bool firstOfCampaign
    required property string unitName
    required property string dateText
    required property string team
    required property string statusName
    required property int findingCount
    required property int pendingCount

    signal clicked()
    signal ledgerClicked()

    SectionHeading {
        width: root.width
        visible: root.firstOfCampaign
        title: root.campaignName
        detail: root.campaignPeriod
        actionText: qsTr("Ledger", "button on a round's heading: open its ledger (台账)")
        onActionClicked: root.ledgerClicked()
    }

    ItemDelegate {
        id: visitRow

        width: root.width
        implicitHeight: Math.max(72, implicitContentHeight + topPadding + bottomPadding)
        leftPadding: 16
        rightPadding: 16
        onClicked: root.clicked()
        // Not the style's Ripple: under the software renderer each row's ripple paints a
        // window-wide circle into a pixmap of its own (6.5 MB a row at 1280 px).
        background: Rectangle {
            color: visitRow.down ? visitRow.Material.rippleColor : "transparent"
        }

        contentItem: RowLayout {
            spacing: 16

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2

                Label {
                    Layout.fillWidth: true
                    text: root.unitName
                    font.pixelSize: 17
                    font.bold: true
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: root.team.length > 0
                          ? qsTr("%1 · %2", "visit date · team").arg(root.dateText).arg(root.team)
                          : root.dateText
                    opacity: 0.7
                    elide: Text.ElideRight
                }
            }
            Label {
                text: qsTr("%n finding(s)", "", root.findingCount)
                opacity: 0.7
            }
            Chip {
                objectName: "pendingChip"
                visible: root.pendingCount > 0
                text: qsTr("%n not synced", "changes of this visit not yet synced",
                           root.pendingCount)
                tint: Material.color(Material.Orange, Material.Shade800)
            }
            Chip {
                text: root.statusName
                tint: root.Material.primary
            }
        }
    }
}
