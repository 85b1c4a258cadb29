pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldLedger

// What needs the server: the tablets enrolled with it, sharing the round's key with the team
// (they receive the round and its visits with their next sync), and a one-time code to enrol
// a new tablet.
Flickable {
    id: root

    required property OfficePlanning planning
    // Device ids ticked for sharing; starts with the devices named in the round's teams.
    property var picked: []
    property bool pickedByHand: false

    function togglePicked(deviceId, on) {
        const next = root.picked.filter(id => id !== deviceId)
        if (on)
            next.push(deviceId)
        root.picked = next
        root.pickedByHand = true
    }
    function pickTeams() {
        if (root.pickedByHand)
            return
        root.picked = root.planning.teamDeviceIds()
    }

    contentHeight: Math.max(left.implicitHeight, code.implicitHeight) + 48
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollIndicator.vertical: ScrollIndicator {}
    Component.onCompleted: if (root.planning.officeDevice) root.planning.refreshDevices()

    Connections {
        target: root.planning
        function onDevicesChanged() {
            root.pickTeams()
        }
        function onCampaignIdChanged() {
            root.pickedByHand = false
            root.pickTeams()
        }
    }

    Column {
        id: left

        x: 24
        y: 16
        width: Math.min(520, root.width * 0.5 - 40)
        spacing: 8

        Pane {
            objectName: "serverNotice"
            width: parent.width
            visible: root.planning.serverNotice.length > 0
            Material.background: Material.color(Material.Amber, Material.Shade50)

            Label {
                width: parent.width
                text: root.planning.serverNotice
                wrapMode: Text.Wrap
            }
        }
        Row {
            width: parent.width
            spacing: 12

            Label {
                width: parent.width - refresh.width - 12
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Tablets enrolled with the server")
                font.bold: true
                color: root.Material.primary
                elide: Text.ElideRight
            }
            Button {
                id: refresh

                objectName: "refreshDevicesButton"
                flat: true
                text: qsTr("Refresh")
                enabled: root.planning.officeDevice && !root.planning.busy
                onClicked: root.planning.refreshDevices()
            }
        }
        Label {
            width: parent.width
            visible: root.planning.devicesLoaded && root.planning.devices.length === 0
            text: qsTr("No other device is enrolled yet: issue a code on the right and enrol "
                       + "the tablet with it.")
            wrapMode: Text.Wrap
            opacity: 0.7
        }
        Repeater {
            model: root.planning.devices

            CheckBox {
                id: device

                required property var modelData

                objectName: "shareDevice_" + modelData.deviceId
                width: left.width
                text: qsTr("%1 (%2)", "device name (role)").arg(modelData.label)
                      .arg(modelData.roleName)
                checked: root.picked.indexOf(modelData.deviceId) >= 0
                onToggled: root.togglePicked(device.modelData.deviceId, checked)
            }
        }
        Button {
            objectName: "shareButton"
            highlighted: true
            text: root.planning.busy ? qsTr("Working…")
                                     : qsTr("Share round with %n device(s)", "",
                                            root.picked.length)
            enabled: root.planning.officeDevice && !root.planning.busy
                     && root.planning.campaignId.length > 0 && root.picked.length > 0
            onClicked: root.planning.shareCampaign(root.picked)
        }
        Label {
            width: parent.width
            text: qsTr("Sharing gives these tablets the round's key. They receive the round, "
                       + "its checklist, units and visits with their next sync.")
            wrapMode: Text.Wrap
            font.pixelSize: 13
            opacity: 0.7
        }
        PlanningMessage {
            objectName: "shareResult"
            width: parent.width
            isError: false
            text: root.planning.shareResult
        }
        PlanningMessage {
            objectName: "serverError"
            width: parent.width
            text: root.planning.serverError
        }
    }

    EnrolCodeCard {
        id: code

        x: left.x + left.width + 32
        y: 16
        width: root.width - x - 24
        planning: root.planning
    }
}
