pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The photos of a finding or interview note as a row of thumbnails (decrypted in memory by
// the "photos" image provider), with import from a file. A photo that cannot be shown says so
// in its own thumbnail; the others are not affected.
ColumnLayout {
    id: root

    property string recordId
    property string title: qsTr("Photos")
    // Shown instead of the strip while there is no saved record to attach photos to.
    property string unsavedHint: qsTr("Photos can be added once this is saved.")

    // Set once the camera page found no camera, so the button says so from then on.
    property bool cameraMissing: false

    signal photoChosen(string photoId, string caption)

    spacing: 4

    PhotoListModel {
        id: photos

        services: AppServices
        recordId: root.recordId
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: 8

        Label {
            Layout.fillWidth: true
            text: qsTr("%1 (%2)", "photo strip heading, count").arg(root.title).arg(photos.count)
            font.bold: true
            color: Material.primary
            elide: Text.ElideRight
        }
        Button {
            objectName: "takePhotoButton"
            flat: true
            enabled: root.recordId.length > 0 && !root.cameraMissing
            text: root.cameraMissing ? qsTr("No camera on this device") : qsTr("Take photo…")
            onClicked: cameraPopup.open()
        }
        Button {
            objectName: "addPhotoButton"
            flat: true
            enabled: root.recordId.length > 0
            text: qsTr("Add photo…")
            onClicked: fileDialog.open()
        }
    }
    Label {
        Layout.fillWidth: true
        visible: root.recordId.length === 0
        text: root.unsavedHint
        opacity: 0.7
        wrapMode: Text.Wrap
    }
    Label {
        objectName: "photoError"
        Layout.fillWidth: true
        visible: photos.errorString.length > 0
        text: photos.errorString
        color: Material.color(Material.Red, Material.Shade900)
        wrapMode: Text.Wrap
    }
    ListView {
        id: strip

        objectName: "photoStrip"
        Layout.fillWidth: true
        implicitHeight: 128
        visible: photos.count > 0
        orientation: ListView.Horizontal
        spacing: 8
        clip: true
        model: photos
        delegate: ItemDelegate {
            id: photo

            required property string photoId
            required property string caption
            required property url thumbnailSource
            required property bool available

            width: 160
            height: strip.height
            padding: 0
            onClicked: root.photoChosen(photo.photoId, photo.caption)

            contentItem: ColumnLayout {
                spacing: 2

                Image {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    source: photo.thumbnailSource
                    sourceSize.width: 320
                    sourceSize.height: 240
                    fillMode: Image.PreserveAspectCrop
                    cache: false // decrypted pixels do not outlive the view

                    BusyIndicator {
                        anchors.centerIn: parent
                        running: parent.status === Image.Loading
                        visible: running
                    }
                }
                Label {
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: photo.available ? photo.caption : qsTr("Not on this tablet yet")
                    font.pixelSize: 12
                    opacity: 0.7
                    elide: Text.ElideRight
                }
            }
        }
        ScrollIndicator.horizontal: ScrollIndicator {}
    }

    // The camera page, and with it Qt Multimedia, is loaded by URL only when first asked for.
    Popup {
        id: cameraPopup

        objectName: "cameraPopup"
        parent: Overlay.overlay
        width: parent ? parent.width : 0
        height: parent ? parent.height : 0
        padding: 0
        modal: true
        onAboutToShow: camera.setSource(Qt.resolvedUrl("CameraPage.qml"),
                                        { recordId: root.recordId })
        onClosed: camera.source = ""

        Loader {
            id: camera

            objectName: "cameraLoader"
            anchors.fill: parent
            // Untyped: naming the page's type here would load Qt Multimedia with this strip.
            property var page: camera.item

            onLoaded: root.cameraMissing = !camera.page.hasCamera
        }

        Connections {
            target: camera.item
            ignoreUnknownSignals: true

            function onCloseRequested() { cameraPopup.close() }
            function onImportRequested() {
                cameraPopup.close()
                fileDialog.open()
            }
            function onCameraChecked(present) { root.cameraMissing = !present }
        }
    }

    PhotoFileDialog {
        id: fileDialog

        currentFolder: photos.picturesFolder
        onAccepted: photos.importFile(fileDialog.selectedFile)
    }
}
