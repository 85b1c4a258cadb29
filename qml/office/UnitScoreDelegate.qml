pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// One unit on the dashboard: its score (base minus deductions, per level and in total), its
// visits, findings and rectification rate; the first unit of a round carries the round's
// heading. Tapping opens the round's ledger.
Column {
    id: root

    required property string unitId
    required property string unitName
    required property string campaignId
    required property string campaignName
    required property bool firstOfCampaign
    required property int visitCount
    required property int findingCount
    required property int closedCount
    required property int overdueCount
    required property string rateText
    required property string scoreText
    required property var levelScores

    signal ledgerClicked()

    objectName: "unitRow"

    SectionHeading {
        width: root.width
        visible: root.firstOfCampaign
        title: root.campaignName
        actionText: qsTr("Ledger", "button on a round's heading: open its ledger (台账)")
        onActionClicked: root.ledgerClicked()
    }

    ItemDelegate {
        width: root.width
        implicitHeight: Math.max(64, implicitContentHeight + topPadding + bottomPadding)
        leftPadding: 16
        rightPadding: 16
        onClicked: root.ledgerClicked()

        contentItem: ColumnLayout {
            spacing: 4

            RowLayout {
                Layout.fillWidth: true
                spacing: 12

                Label {
                    Layout.fillWidth: true
                    text: root.unitName
                    font.pixelSize: 16
                    elide: Text.ElideRight
                }
                Label {
                    objectName: "unitScore"
                    text: root.scoreText
                    font.pixelSize: 18
                    font.bold: true
                }
            }
            Flow {
                Layout.fillWidth: true
                spacing: 8

                Repeater {
                    model: root.levelScores

                    delegate: Chip {
                        required property var modelData

                        text: qsTr("%1 %2 / %3", "level, its score / its base")
                              .arg(modelData.levelName).arg(modelData.score).arg(modelData.base)
                        tint: modelData.deducted > 0 ? Material.color(Material.Red)
                                                     : Material.color(Material.Grey)
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("%n visit(s)", "", root.visitCount) + " · "
                      + qsTr("%n finding(s)", "", root.findingCount) + " · "
                      + qsTr("%n closed", "findings closed (销号)", root.closedCount) + " · "
                      + qsTr("rectification rate %1", "整改率").arg(root.rateText)
                      + (root.overdueCount > 0
                         ? " · " + qsTr("%n overdue", "findings past their due date",
                                        root.overdueCount)
                         : "")
                opacity: 0.75
                wrapMode: Text.Wrap
            }
        }
    }
}
