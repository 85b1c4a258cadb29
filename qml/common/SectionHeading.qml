import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The heading of a group in a list (a round, a checklist level), with an optional figure on
// the right and an optional progress bar under it.
Pane {
    id: root

    property string title
    property string detail
    property real progress: -1 // 0..1; hidden when negative
    property string actionText // a flat button on the right when set

    signal actionClicked()

    leftPadding: 16
    rightPadding: 16
    topPadding: 10
    bottomPadding: 10
    Material.background: Material.color(Material.Grey, Material.Shade100)

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: 12

            Label {
                Layout.fillWidth: true
                text: root.title
                font.bold: true
                color: root.Material.primary
                elide: Text.ElideRight
            }
            Label {
                visible: root.detail.length > 0
                text: root.detail
                opacity: 0.7
            }
            Button {
                objectName: "headingAction"
                visible: root.actionText.length > 0
                flat: true
                topInset: 0
                bottomInset: 0
                implicitHeight: 32
                Material.foreground: root.Material.primary
                text: root.actionText
                onClicked: root.actionClicked()
            }
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: root.progress >= 0
            value: Math.max(0, root.progress)
        }
    }
}
