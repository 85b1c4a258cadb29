pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Sync: where it stands (left, or on top in portrait) and the conflicts to settle (right).
// Nothing here waits for the network: the engine runs on its own thread.
Page {
    id: root

    readonly property bool wide: width >= height

    signal backRequested()
    signal settingsRequested()

    header: ToolBar {
        Material.foreground: "white"

        RowLayout {
            anchors.fill: parent
            spacing: 4

            ToolButton {
                text: qsTr("Back")
                onClicked: root.backRequested()
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Sync", "page title: 同步")
                font.pixelSize: 18
                elide: Text.ElideRight
            }
            ToolButton {
                objectName: "cancelButton"
                visible: SyncStatus.syncing
                text: qsTr("Cancel", "action: stop the running sync")
                onClicked: SyncStatus.cancel()
            }
            ToolButton {
                objectName: "syncNowButton"
                enabled: !SyncStatus.syncing
                text: qsTr("Sync now")
                onClicked: SyncStatus.syncNow()
            }
        }
    }

    ConflictListModel {
        id: conflicts

        services: AppServices
    }

    GridLayout {
        anchors.fill: parent
        columns: root.wide ? 3 : 1
        columnSpacing: 0
        rowSpacing: 0

        SyncStatusPanel {
            Layout.fillWidth: true
            Layout.fillHeight: root.wide
            Layout.preferredWidth: 5
            Layout.alignment: Qt.AlignTop
            onSettingsRequested: root.settingsRequested()
        }
        Rectangle {
            Layout.fillHeight: root.wide
            Layout.fillWidth: !root.wide
            implicitWidth: 1
            implicitHeight: 1
            color: Material.dividerColor
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.preferredWidth: 6
            spacing: 0

            Label {
                objectName: "conflictsHeading"
                Layout.fillWidth: true
                leftPadding: 16
                topPadding: 12
                bottomPadding: 8
                text: qsTr("Conflicts (%1)", "list header: fields two devices changed at once")
                      .arg(conflicts.count)
                font.bold: true
                color: Material.primary
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                leftPadding: 16
                rightPadding: 16
                visible: conflicts.errorString.length > 0
                text: conflicts.errorString
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
            }
            ListView {
                id: list

                objectName: "conflictList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: conflicts
                clip: true
                spacing: 8
                delegate: ConflictDelegate {
                    id: conflict

                    width: ListView.view.width
                    onChosen: takeOther => conflicts.resolve(conflict.index, takeOther)
                }
                ScrollIndicator.vertical: ScrollIndicator {}

                EmptyState {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 420)
                    visible: list.count === 0
                    title: qsTr("No conflicts")
                    hint: qsTr("When this tablet and another device change the same field "
                               + "before they sync, both values appear here for you to choose.")
                }
            }
        }
    }
}
