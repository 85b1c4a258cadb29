import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What a list shows when it has nothing: a title and one helpful line.
ColumnLayout {
    id: root

    property string title
    property string hint

    spacing: 8

    Label {
        Layout.fillWidth: true
        text: root.title
        font.pixelSize: 20
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        text: root.hint
        opacity: 0.7
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
}
