pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Where sync stands: in reach or not, what waits to be sent, how far a running sync got, when
// the last one worked, and what stopped the last one with what to do about it.
Pane {
    id: root

    signal settingsRequested()

    padding: 16

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 12

        RowLayout {
            Layout.fillWidth: true
            spacing: 12

            Rectangle {
                implicitWidth: 14
                implicitHeight: 14
                radius: 7
                color: SyncStatus.state === SyncStatus.Offline ? Material.color(Material.Grey)
                       : SyncStatus.state === SyncStatus.Syncing ? Material.color(Material.Blue)
                       : Material.color(Material.Green)
            }
            Label {
                objectName: "stateLabel"
                Layout.fillWidth: true
                text: SyncStatus.stateText
                font.pixelSize: 22
                font.bold: true
                elide: Text.ElideRight
            }
        }
        Label {
            objectName: "serverLabel"
            Layout.fillWidth: true
            text: SyncStatus.enrolled
                  ? qsTr("%1 · %2", "server address · device role")
                    .arg(SyncStatus.serverUrl).arg(SyncStatus.roleName)
                  : qsTr("Not enrolled with a server")
            opacity: 0.7
            wrapMode: Text.WrapAnywhere
        }
        Label {
            objectName: "lastSuccessLabel"
            Layout.fillWidth: true
            text: qsTr("Last synced: %1").arg(SyncStatus.lastSuccessText)
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "lastSyncLabel"
            Layout.fillWidth: true
            visible: text.length > 0
            text: SyncStatus.lastSyncText
            font.pixelSize: 13
            opacity: 0.7
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "pendingLabel"
            Layout.fillWidth: true
            text: SyncStatus.pendingChanges === 0 && SyncStatus.pendingPhotos === 0
                  ? qsTr("Everything on this tablet has been sent.")
                  : qsTr("Waiting to be sent: %1, %2",
                         "pending change sets, pending photo files")
                    .arg(qsTr("%n change(s)", "", SyncStatus.pendingChanges))
                    .arg(qsTr("%n photo file(s)", "", SyncStatus.pendingPhotos))
            font.bold: SyncStatus.pendingChanges > 0 || SyncStatus.pendingPhotos > 0
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: SyncStatus.state === SyncStatus.Offline && SyncStatus.enrolled
                     && SyncStatus.errorString.length === 0
            text: qsTr("Changes are kept on this tablet and sent when the server is in reach.")
            opacity: 0.7
            wrapMode: Text.Wrap
        }

        ColumnLayout {
            objectName: "progressBox"
            Layout.fillWidth: true
            visible: SyncStatus.syncing
            spacing: 4

            Label {
                objectName: "phaseLabel"
                Layout.fillWidth: true
                text: SyncStatus.phaseText
                elide: Text.ElideRight
            }
            ProgressBar {
                Layout.fillWidth: true
                indeterminate: SyncStatus.phaseProgress < 0
                value: Math.max(0, SyncStatus.phaseProgress)
            }
            Label {
                Layout.fillWidth: true
                text: SyncStatus.bytesText
                font.pixelSize: 13
                opacity: 0.7
                elide: Text.ElideRight
            }
        }

        Pane {
            objectName: "errorPane"
            Layout.fillWidth: true
            visible: SyncStatus.errorString.length > 0
            Material.background: Material.color(Material.Orange, Material.Shade50)

            ColumnLayout {
                anchors.left: parent.left
                anchors.right: parent.right
                spacing: 6

                Label {
                    objectName: "errorLabel"
                    Layout.fillWidth: true
                    text: SyncStatus.errorString
                    font.bold: true
                    color: Material.color(Material.Orange, Material.Shade900)
                    wrapMode: Text.Wrap
                }
                Label {
                    objectName: "errorHint"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: SyncStatus.errorHint
                    wrapMode: Text.Wrap
                }
                Button {
                    visible: !SyncStatus.enrolled
                    text: qsTr("Open settings")
                    onClicked: root.settingsRequested()
                }
            }
        }

        Label {
            Layout.fillWidth: true
            Layout.topMargin: 12
            visible: SyncStatus.enrolled
            text: qsTr("Sync runs by itself every %n minute(s) while the server is in reach, "
                       + "and as soon as the network comes back. Photos go after the records, "
                       + "smallest first.", "", SyncStatus.intervalMinutes)
            font.pixelSize: 13
            opacity: 0.6
            wrapMode: Text.Wrap
        }
    }
}
