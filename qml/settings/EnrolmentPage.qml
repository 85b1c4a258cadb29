pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// First start, right after the vault is made: offers to enrol the tablet. Skipping is fine;
// everything works offline and enrolment waits in Settings.
Page {
    id: root

    signal done()

    Flickable {
        anchors.fill: parent
        contentHeight: Math.max(height, column.implicitHeight + 64)
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: column

            anchors.centerIn: parent
            width: Math.min(parent.width - 48, 560)
            spacing: 16

            Label {
                Layout.fillWidth: true
                text: qsTr("Enrol this tablet")
                font.pixelSize: 28
                font.bold: true
                color: Material.primary
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("To receive visits and send findings, enrol this tablet with the "
                           + "inspection office's sync server. You can skip this: the app "
                           + "works offline, and you can enrol later in Settings.")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                opacity: 0.8
            }
            EnrolmentForm {
                Layout.fillWidth: true
                onEnrolled: root.done()
            }
            Button {
                objectName: "skipButton"
                Layout.alignment: Qt.AlignHCenter
                flat: true
                text: qsTr("Skip for now")
                onClicked: root.done()
            }
        }
    }
}
