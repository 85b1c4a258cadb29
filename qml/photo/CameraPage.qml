pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import QtMultimedia
import FieldLedger

// Takes evidence photos with the device camera. The picture stays in memory: ImageCapture's
// image goes to PhotoListModel.importImage, which encodes and encrypts it (never
// captureToFile, which would leave a plaintext file). This page is the only one that imports
// QtMultimedia and is loaded by URL when first opened, so the app starts without it.
// Without a camera, or with the camera refused, it says so and points to import from files.
Page {
    id: root

    property string recordId
    readonly property bool hasCamera: devices.videoInputs.length > 0
    // Why the camera cannot be used now (refused, busy, failed); empty while it works.
    property string cameraProblem
    property int capturedCount: 0
    property string captureProblem
    // Set by the capture pipeline while it can take a picture.
    property bool readyForCapture: false

    signal closeRequested()
    signal importRequested()
    // Tells the strip that opened this page whether there is a camera at all.
    signal cameraChecked(bool present)
    signal captureRequested()

    onHasCameraChanged: root.cameraChecked(root.hasCamera)

    MediaDevices {
        id: devices
    }

    PhotoListModel {
        id: photos

        services: AppServices
        recordId: root.recordId
    }

    header: ToolBar {
        Material.foreground: "white"

        RowLayout {
            anchors.fill: parent

            ToolButton {
                text: qsTr("Close")
                onClicked: root.closeRequested()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Take photos")
                font.pixelSize: 18
                elide: Text.ElideRight
            }
        }
    }

    // The capture pipeline exists only where there is a camera to feed it.
    Loader {
        id: viewfinder

        anchors.fill: parent
        active: root.hasCamera
        visible: active && root.cameraProblem.length === 0
        sourceComponent: Item {
            Binding {
                target: root
                property: "readyForCapture"
                value: capture.readyForCapture
            }
            Connections {
                target: root
                function onCaptureRequested() { capture.capture() }
            }

            CaptureSession {
                camera: Camera {
                    active: root.visible && root.cameraProblem.length === 0
                    onErrorOccurred: (error, errorString) => {
                        root.cameraProblem = error === Camera.CameraError
                                ? qsTr("The camera could not be opened: it may be in use by another "
                                       + "app, or camera access is not allowed for this app. Allow "
                                       + "it in the system settings, or import photos from files.")
                                : errorString
                    }
                }
                imageCapture: ImageCapture {
                    id: capture

                    onImageCaptured: (requestId, image) => {
                        root.captureProblem = ""
                        if (photos.importImage(image).length > 0)
                            root.capturedCount += 1
                    }
                    onErrorOccurred: (requestId, error, message) => {
                        root.captureProblem = qsTr("The photo was not taken. Try again.")
                    }
                }
                videoOutput: output
            }
            VideoOutput {
                id: output

                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectFit
            }
        }
    }

    ColumnLayout {
        objectName: "noCameraState"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 560)
        visible: !viewfinder.visible
        spacing: 16

        EmptyState {
            objectName: "noCameraMessage"
            Layout.fillWidth: true
            title: root.hasCamera ? qsTr("The camera cannot be used")
                                  : qsTr("No camera on this device")
            hint: root.hasCamera ? root.cameraProblem
                                 : qsTr("Photos can still be added from files: choose “Add "
                                        + "photo…” to import a JPEG or PNG.")
        }
        Button {
            objectName: "importInsteadButton"
            Layout.alignment: Qt.AlignHCenter
            highlighted: true
            text: qsTr("Import from a file instead")
            onClicked: root.importRequested()
        }
    }

    RowLayout {
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: 24
        // Only as wide as the button while there is no status, so that it stays centred.
        width: status.visible ? Math.min(parent.width - 48, 720) : implicitWidth
        spacing: 16

        Label {
            id: status

            objectName: "captureStatus"
            Layout.fillWidth: true
            visible: text.length > 0
            wrapMode: Text.Wrap
            text: photos.errorString.length > 0 ? photos.errorString
                  : root.captureProblem.length > 0 ? root.captureProblem
                  : root.capturedCount > 0 ? qsTr("%n photo(s) saved, encrypted.", "", root.capturedCount)
                                           : ""
            color: photos.errorString.length > 0 || root.captureProblem.length > 0
                   ? Material.color(Material.Red, Material.Shade900)
                                                 : Material.foreground
        }
        Button {
            objectName: "captureButton"
            highlighted: true
            enabled: root.hasCamera && root.cameraProblem.length === 0 && root.readyForCapture
            text: !root.hasCamera ? qsTr("No camera")
                  : root.cameraProblem.length > 0 ? qsTr("Camera unavailable")
                                                  : qsTr("Take photo")
            onClicked: root.captureRequested()
        }
    }
}
