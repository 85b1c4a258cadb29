import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// Says how an export went: where the file is, or what stopped it and what to do.
Dialog {
    id: root

    property bool failed: false
    property string message

    /// After ReportExport.finished.
    function showResult(exporter) {
        root.failed = exporter.errorString.length > 0
        root.message = root.failed ? exporter.errorString
                                   : qsTr("Saved to %1").arg(exporter.lastPath)
        root.open()
    }

    objectName: "exportResultDialog"
    parent: Overlay.overlay
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 48 : 480, 560)
    modal: true
    title: root.failed ? qsTr("The export did not succeed") : qsTr("Exported")
    standardButtons: Dialog.Ok

    Label {
        objectName: "exportResultText"
        width: root.availableWidth
        text: root.message
        wrapMode: Text.Wrap
        color: root.failed ? Material.color(Material.Red, Material.Shade900) : Material.foreground
    }
}
