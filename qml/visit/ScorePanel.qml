pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The visit's running score: the total, and base − deductions = score per level.
Pane {
    id: root

    property string visitId

    padding: 16
    Material.background: Material.color(Material.Grey, Material.Shade50)

    ScoreModel {
        id: score

        services: AppServices
        visitId: root.visitId
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 6

        RowLayout {
            Layout.fillWidth: true

            Label {
                Layout.fillWidth: true
                text: qsTr("Score", "the unit's score on this visit (得分)")
                font.bold: true
                color: Material.primary
                elide: Text.ElideRight
            }
            Label {
                objectName: "totalLabel"
                text: qsTr("%1 / %2", "score / base").arg(score.total).arg(score.totalBase)
                font.pixelSize: 28
                font.bold: true
            }
        }
        Repeater {
            model: score

            delegate: RowLayout {
                id: levelRow

                required property string levelName
                required property double base
                required property double deducted
                required property double score

                Layout.fillWidth: true
                spacing: 12

                Label {
                    Layout.fillWidth: true
                    text: levelRow.levelName
                    elide: Text.ElideRight
                }
                Label {
                    text: qsTr("−%1", "points deducted").arg(levelRow.deducted)
                    color: levelRow.deducted > 0 ? Material.color(Material.Red)
                                                 : Material.foreground
                    opacity: levelRow.deducted > 0 ? 1 : 0.5
                }
                Label {
                    Layout.minimumWidth: 72
                    horizontalAlignment: Text.AlignRight
                    text: qsTr("%1 / %2", "score / base").arg(levelRow.score).arg(levelRow.base)
                    font.bold: true
                }
            }
        }
    }
}
