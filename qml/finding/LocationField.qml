pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Where the finding was recorded: taken from the position source only when asked, shown with
// its accuracy, refreshed or cleared. Without a position source (or with location denied) it
// says why, and the rest of the finding stays editable.
ColumnLayout {
    id: root

    required property FindingEditor editor
    readonly property PositionFinder finder: root.editor.positionFinder

    spacing: 4

    Label {
        text: qsTr("Location")
        opacity: 0.7
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8

        Label {
            objectName: "locationText"
            height: locateButton.height
            verticalAlignment: Text.AlignVCenter
            text: root.editor.hasLocation ? root.editor.locationText
                                          : qsTr("Not recorded", "no location")
            opacity: root.editor.hasLocation ? 1 : 0.7
        }
        Label {
            objectName: "accuracyText"
            height: locateButton.height
            verticalAlignment: Text.AlignVCenter
            visible: root.editor.hasLocation
            text: root.editor.accuracyText
            opacity: 0.7
        }
        Button {
            id: locateButton

            objectName: "locateButton"
            enabled: !root.finder.busy
            text: root.finder.busy ? qsTr("Finding position…")
                  : root.editor.hasLocation ? qsTr("Refresh location")
                                            : qsTr("Use current location")
            onClicked: root.editor.locate()
        }
        Button {
            objectName: "clearLocationButton"
            flat: true
            visible: root.editor.hasLocation
            text: qsTr("Clear location")
            onClicked: root.editor.clearLocation()
        }
        BusyIndicator {
            height: locateButton.height
            width: height
            running: root.finder.busy
            visible: running
        }
    }
    Label {
        objectName: "locationMessage"
        Layout.fillWidth: true
        visible: text.length > 0
        text: root.finder.message
        color: Material.color(Material.Orange, Material.Shade900)
        wrapMode: Text.Wrap
    }
}
