pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldLedger

// A one-time enrolment code for a new tablet, from the server: shown large with its expiry,
// to be typed on the tablet (Settings → Device enrolment) or copied.
Column {
    id: root

    required property OfficePlanning planning

    // Asks the server for a code of the chosen kind (also called by the page tour).
    function issue() {
        root.planning.issueEnrolCode(role.currentValue, hours.currentValue)
    }

    objectName: "enrolCodeCard"
    spacing: 8

    Connections {
        target: root.planning
        function onEnrolCodeChanged() {
            copied.visible = false
        }
    }

    Label {
        width: root.width
        text: qsTr("Enrol a new device", "设备注册")
        font.bold: true
        color: root.Material.primary
    }
    Row {
        spacing: 12

        ComboBox {
            id: role

            objectName: "codeRoleBox"
            width: 240
            textRole: "text"
            valueRole: "value"
            model: [
                { value: "inspector", text: qsTr("Inspector's tablet") },
                { value: "office", text: qsTr("Office console") }
            ]
        }
        ComboBox {
            id: hours

            objectName: "codeHoursBox"
            width: 200
            textRole: "text"
            valueRole: "value"
            model: [
                { value: 24, text: qsTr("Valid 24 hours") },
                { value: 72, text: qsTr("Valid 3 days") },
                { value: 168, text: qsTr("Valid 7 days") }
            ]
        }
    }
    Button {
        objectName: "issueCodeButton"
        highlighted: true
        text: qsTr("Issue enrolment code")
        enabled: root.planning.officeDevice && !root.planning.busy
        onClicked: root.issue()
    }
    Pane {
        width: root.width
        visible: root.planning.enrolCode.length > 0
        Material.background: Material.color(Material.Grey, Material.Shade100)

        Column {
            width: parent.width
            spacing: 6

            Label {
                width: parent.width
                text: qsTr("One-time code for %1:", "the code is for: a device kind")
                      .arg(root.planning.enrolCodeRoleName)
                wrapMode: Text.Wrap
            }
            Label {
                objectName: "enrolCodeLabel"
                width: parent.width
                text: root.planning.enrolCode
                font.pixelSize: 40
                font.family: "monospace"
                font.letterSpacing: 2
                fontSizeMode: Text.HorizontalFit
                minimumPixelSize: 18
            }
            Label {
                objectName: "enrolCodeExpiry"
                width: parent.width
                text: qsTr("Valid until %1. It works once; the server keeps no readable copy.")
                      .arg(root.planning.enrolCodeExpiresText)
                wrapMode: Text.Wrap
                opacity: 0.8
            }
            Button {
                objectName: "copyCodeButton"
                text: qsTr("Copy code")
                onClicked: {
                    root.planning.copyEnrolCode()
                    copied.visible = true
                }
            }
            Label {
                id: copied

                visible: false
                text: qsTr("Copied.")
                opacity: 0.7
            }
        }
    }
    Label {
        width: root.width
        text: qsTr("On the new tablet: Settings → Device enrolment, the server address %1 and "
                   + "this code.").arg(SyncStatus.serverUrl)
        visible: SyncStatus.serverUrl.length > 0
        wrapMode: Text.Wrap
        font.pixelSize: 13
        opacity: 0.7
    }
}
