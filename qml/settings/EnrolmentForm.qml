pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Enrols this device with the inspection office's sync server: its address and a one-time
// code from the office. The engine does the work on its own thread; this form waits for it.
ColumnLayout {
    id: root

    signal enrolled()

    function submit() {
        if (enrolButton.enabled)
            SyncStatus.enrol(server.text, code.text, name.text)
    }

    spacing: 8

    Connections {
        target: SyncStatus
        function onEnrolFinished(ok) {
            if (!ok)
                return
            code.text = ""
            root.enrolled()
        }
    }

    Label {
        objectName: "enrolmentState"
        Layout.fillWidth: true
        text: SyncStatus.enrolled
              ? qsTr("Enrolled with %1 as an %2.", "server address, device role")
                .arg(SyncStatus.serverUrl).arg(SyncStatus.roleName)
              : qsTr("Not enrolled: everything stays on this tablet until it is.")
        wrapMode: Text.Wrap
        opacity: 0.8
    }
    component Caption: Label {
        Layout.fillWidth: true
        Layout.topMargin: 4
        font.pixelSize: 13
        opacity: 0.7
        elide: Text.ElideRight
    }

    Caption {
        text: qsTr("Server address")
    }
    TextField {
        id: server

        objectName: "serverField"
        Layout.fillWidth: true
        placeholderText: qsTr("e.g. https://sync.example.org", "example server address")
        text: SyncStatus.serverUrl
        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                          | Qt.ImhNoPredictiveText
        enabled: !SyncStatus.enrolling
        onAccepted: code.forceActiveFocus()
    }
    Caption {
        text: qsTr("One-time code")
    }
    TextField {
        id: code

        objectName: "codeField"
        Layout.fillWidth: true
        placeholderText: qsTr("From the inspection office, e.g. XWJP-A4V2-FT8A-7BM3")
        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                          | Qt.ImhSensitiveData
        enabled: !SyncStatus.enrolling
        onAccepted: root.submit()
    }
    Caption {
        text: qsTr("Name of this tablet, as the office will see it")
    }
    TextField {
        id: name

        objectName: "deviceNameField"
        Layout.fillWidth: true
        placeholderText: qsTr("e.g. Team 2 tablet", "example device name")
        text: SyncStatus.defaultDeviceName()
        enabled: !SyncStatus.enrolling
        onAccepted: root.submit()
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 12

        Button {
            id: enrolButton

            objectName: "enrolButton"
            highlighted: true
            text: SyncStatus.enrolling ? qsTr("Enrolling…")
                  : SyncStatus.enrolled ? qsTr("Enrol again") : qsTr("Enrol")
            enabled: !SyncStatus.enrolling && server.text.trim().length > 0
                     && code.text.trim().length > 0
            onClicked: root.submit()
        }
        BusyIndicator {
            implicitWidth: 40
            implicitHeight: 40
            visible: SyncStatus.enrolling
            running: visible
        }
        Item {
            Layout.fillWidth: true
        }
    }
    Label {
        objectName: "enrolError"
        Layout.fillWidth: true
        visible: text.length > 0
        text: SyncStatus.enrolError
        color: Material.color(Material.Red)
        wrapMode: Text.Wrap
    }
}
