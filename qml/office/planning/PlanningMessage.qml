import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A form's inline message: why the last write was refused (red), or what it did.
Label {
    id: root

    property bool isError: true

    visible: text.length > 0
    wrapMode: Text.Wrap
    color: isError ? Material.color(Material.Red, Material.Shade800)
                   : Material.color(Material.Green, Material.Shade800)
}
