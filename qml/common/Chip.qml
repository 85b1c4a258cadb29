import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A small rounded label: a status, a count of unsynced changes.
Label {
    id: root

    property color tint: Material.color(Material.Grey)

    leftPadding: 8
    rightPadding: 8
    topPadding: 2
    bottomPadding: 2
    font.pixelSize: 13
    color: root.tint
    elide: Text.ElideRight
    background: Rectangle {
        radius: height / 2
        color: "transparent"
        border.color: root.tint
        border.width: 1
    }
}
