pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// What a planning form has made so far: one row per record, a title and a detail line.
Column {
    id: root

    property string title
    // Each row has a "title" and a "detail" (the detail line hides when it is empty).
    property var rows: []
    property string emptyText

    spacing: 0

    Label {
        width: root.width
        text: root.title
        font.bold: true
        color: root.Material.primary
        bottomPadding: 8
    }
    Label {
        objectName: "emptyLabel"
        width: root.width
        visible: root.rows.length === 0
        text: root.emptyText
        wrapMode: Text.Wrap
        opacity: 0.6
    }
    Repeater {
        model: root.rows

        Pane {
            id: row

            required property var modelData

            width: root.width
            padding: 8

            Column {
                width: parent.width
                spacing: 2

                Label {
                    width: parent.width
                    text: row.modelData.title
                    wrapMode: Text.Wrap
                }
                Label {
                    width: parent.width
                    visible: text.length > 0
                    text: row.modelData.detail
                    wrapMode: Text.Wrap
                    font.pixelSize: 13
                    opacity: 0.7
                }
            }
        }
    }
}
