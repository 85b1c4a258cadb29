pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// One step of a finding's rectification: what was done, by whom and when, the note and the
// evidence photos.
Pane {
    id: root

    required property string stepName
    required property string toStatusName
    required property string actor
    required property string atText
    required property string note
    required property var evidencePhotoIds

    signal photoChosen(string photoId)

    leftPadding: 12
    rightPadding: 12
    topPadding: 8
    bottomPadding: 8
    Material.background: Material.color(Material.Grey, Material.Shade50)

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: root.stepName
                font.bold: true
                elide: Text.ElideRight
            }
            Chip {
                text: root.toStatusName
                tint: root.Material.primary
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("%1 · %2", "who took the step · when").arg(root.actor).arg(root.atText)
            opacity: 0.7
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: root.note.length > 0
            text: root.note
            wrapMode: Text.Wrap
        }
        Row {
            visible: root.evidencePhotoIds.length > 0
            spacing: 6

            Repeater {
                model: root.evidencePhotoIds

                Image {
                    id: thumb

                    required property string modelData

                    width: 64
                    height: 48
                    source: "image://photos/" + thumb.modelData + "/thumb"
                    sourceSize.width: 128
                    sourceSize.height: 96
                    fillMode: Image.PreserveAspectCrop
                    cache: false // decrypted pixels do not outlive the view

                    TapHandler {
                        onTapped: root.photoChosen(thumb.modelData)
                    }
                }
            }
        }
    }
}
