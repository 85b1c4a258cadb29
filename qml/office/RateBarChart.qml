pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// A horizontal bar chart of rates: one bar per entry, its length the rate (0..1) and its value
// written beside it, so the figure is read, not guessed from a length. Plain Qt Quick items:
// Qt Charts' QML would need the widgets application and another dependency.
ColumnLayout {
    id: root

    property string title
    /// [{label, detail (optional), value 0..1, valueText}]
    property var entries: []
    property string emptyText
    property real labelWidth: 180

    signal entryClicked(int index)

    spacing: 6

    Label {
        Layout.fillWidth: true
        text: root.title
        font.pixelSize: 16
        font.bold: true
        elide: Text.ElideRight
    }
    Label {
        objectName: "chartEmpty"
        Layout.fillWidth: true
        visible: root.entries.length === 0
        text: root.emptyText
        opacity: 0.7
        wrapMode: Text.Wrap
    }
    Repeater {
        model: root.entries

        delegate: ItemDelegate {
            id: bar

            required property var modelData
            required property int index
            readonly property real value: Math.max(0, Math.min(1, bar.modelData.value))

            objectName: "rateBar"
            Layout.fillWidth: true
            implicitHeight: 40
            leftPadding: 0
            rightPadding: 0
            topPadding: 4
            bottomPadding: 4
            onClicked: root.entryClicked(bar.index)

            contentItem: RowLayout {
                spacing: 10

                ColumnLayout {
                    // Narrow windows keep room for the bar.
                    Layout.preferredWidth: Math.min(root.labelWidth, root.width * 0.4)
                    Layout.maximumWidth: Math.min(root.labelWidth, root.width * 0.4)
                    spacing: 0

                    Label {
                        Layout.fillWidth: true
                        text: bar.modelData.label
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: (bar.modelData.detail || "").length > 0
                        text: bar.modelData.detail || ""
                        font.pixelSize: 11
                        opacity: 0.6
                        elide: Text.ElideRight
                    }
                }
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: 18
                    radius: 3
                    color: Material.color(Material.Grey, Material.Shade200)

                    Rectangle {
                        objectName: "rateFill"
                        width: parent.width * bar.value
                        height: parent.height
                        radius: 3
                        // Green when all is rectified, amber from half, red below.
                        color: bar.value >= 0.999 ? Material.color(Material.Green)
                             : bar.value >= 0.5 ? Material.color(Material.Amber, Material.Shade700)
                             : Material.color(Material.Red)
                    }
                }
                Label {
                    objectName: "rateText"
                    Layout.preferredWidth: 64
                    text: bar.modelData.valueText
                    horizontalAlignment: Text.AlignRight
                    font.bold: true
                }
            }
        }
    }
}
