pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One photo, full screen, turned the way it was taken (the provider applies the stored
// orientation). Pinch or double-tap to zoom. A photo that cannot be shown says why.
Page {
    id: root

    property string photoId
    property string caption

    signal backRequested()

    Material.theme: Material.Dark
    background: Rectangle {
        color: "black"
    }

    header: ToolBar {
        Material.foreground: "white"
        Material.background: "#212121"

        RowLayout {
            anchors.fill: parent
            spacing: 4

            ToolButton {
                text: qsTr("Back")
                onClicked: root.backRequested()
            }
            Label {
                Layout.fillWidth: true
                text: root.caption.length > 0 ? root.caption : qsTr("Photo")
                font.pixelSize: 18
                elide: Text.ElideRight
            }
        }
    }

    Flickable {
        id: flick

        anchors.fill: parent
        contentWidth: Math.max(width, image.width * image.scale)
        contentHeight: Math.max(height, image.height * image.scale)
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Image {
            id: image

            objectName: "photoImage"
            x: (flick.contentWidth - width * scale) / 2
            y: (flick.contentHeight - height * scale) / 2
            width: flick.width
            height: flick.height
            transformOrigin: Item.TopLeft
            source: root.photoId.length > 0 ? "image://photos/" + root.photoId + "/full" : ""
            // Decoded at the screen's size (JPEG scales while decoding), not the camera's.
            sourceSize.width: Math.max(1, root.width * Screen.devicePixelRatio)
            sourceSize.height: Math.max(1, root.height * Screen.devicePixelRatio)
            fillMode: Image.PreserveAspectFit
            cache: false // decrypted pixels do not outlive the page
            asynchronous: true

            BusyIndicator {
                anchors.centerIn: parent
                running: image.status === Image.Loading
                visible: running
            }
        }
        PinchHandler {
            target: image
            minimumScale: 1
            maximumScale: 6
            minimumRotation: 0
            maximumRotation: 0
            xAxis.enabled: false
            yAxis.enabled: false
        }
        TapHandler {
            onDoubleTapped: image.scale = image.scale > 1 ? 1 : 2.5
        }
    }
}
