pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// One deduction item: code, text, maximum deduction, and the findings under it on this visit;
// the first item of a level also carries the level's heading with its progress.
Column {
    id: root

    required property string itemId
    required property string code
    required property string itemText
    required property double maxDeduction
    required property int findingCount
    required property double deducted
    required property bool firstOfLevel
    required property string levelName
    required property int levelItems
    required property int levelItemsWithFindings

    signal clicked()

    SectionHeading {
        width: root.width
        visible: root.firstOfLevel
        title: root.levelName
        detail: qsTr("%1 of %2 items with findings")
                .arg(root.levelItemsWithFindings).arg(root.levelItems)
        progress: root.levelItems > 0 ? root.levelItemsWithFindings / root.levelItems : 0
    }

    ItemDelegate {
        width: root.width
        implicitHeight: Math.max(64, implicitContentHeight + topPadding + bottomPadding)
        leftPadding: 16
        rightPadding: 8
        onClicked: root.clicked()

        contentItem: RowLayout {
            spacing: 12

            Label {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 40
                text: root.code
                font.bold: true
                elide: Text.ElideRight
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2

                Label {
                    Layout.fillWidth: true
                    text: root.itemText
                    wrapMode: Text.Wrap
                    maximumLineCount: 3
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: root.findingCount > 0
                          ? qsTr("%n finding(s), −%1 of at most %2", "", root.findingCount)
                            .arg(root.deducted).arg(root.maxDeduction)
                          : qsTr("At most −%1", "maximum deduction of an item")
                            .arg(root.maxDeduction)
                    color: root.findingCount > 0 ? Material.color(Material.Red)
                                                 : root.Material.foreground
                    opacity: root.findingCount > 0 ? 1 : 0.6
                    font.pixelSize: 13
                    elide: Text.ElideRight
                }
            }
            Label {
                Layout.alignment: Qt.AlignVCenter
                text: "+"
                font.pixelSize: 24
                color: root.Material.accent
                Accessible.name: qsTr("Record a finding")
            }
        }
    }
}
