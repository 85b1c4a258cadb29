pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// One interview note: who (and their position), when and where, the start of what was said,
// and how many findings and photos it is linked to.
ItemDelegate {
    id: root

    required property string interviewId
    required property string interviewee
    required property string intervieweeRole
    required property string atText
    required property string place
    required property string excerpt
    required property int linkedCount
    required property int photoCount

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
                text: root.intervieweeRole.length > 0
                      ? qsTr("%1 (%2)", "interviewee (position)").arg(root.interviewee)
                                                                  .arg(root.intervieweeRole)
                      : root.interviewee
                font.pixelSize: 16
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: root.place.length > 0
                      ? qsTr("%1 · %2", "interview time · place").arg(root.atText).arg(root.place)
                      : root.atText
                opacity: 0.7
                font.pixelSize: 13
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: root.excerpt
                opacity: 0.85
                font.pixelSize: 13
                elide: Text.ElideRight
            }
        }
        Chip {
            visible: root.linkedCount > 0
            text: qsTr("%n finding(s)", "findings an interview note is linked to",
                       root.linkedCount)
            tint: root.Material.primary
        }
        Chip {
            visible: root.photoCount > 0
            text: qsTr("%n photo(s)", "", root.photoCount)
        }
    }
}
