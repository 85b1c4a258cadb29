pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Changes the vault's passphrase: the current one, then the new one twice. The rules and the
// check of the current one are the controller's.
ColumnLayout {
    id: root

    required property SettingsController controller

    spacing: 8

    PassphraseMeter {
        id: meter
    }

    Connections {
        target: root.controller
        function onPassphraseMessageChanged() {
            if (!root.controller.passphraseChanged)
                return
            current.text = ""
            next.text = ""
            repeated.text = ""
        }
    }

    TextField {
        id: current

        objectName: "currentPassphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("Current passphrase")
        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
        enabled: !root.controller.busy
        onAccepted: next.forceActiveFocus()
    }
    TextField {
        id: next

        objectName: "newPassphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("New passphrase")
        inputMethodHints: current.inputMethodHints
        enabled: !root.controller.busy
        onTextChanged: meter.measure(text)
        onAccepted: repeated.forceActiveFocus()
    }
    TextField {
        id: repeated

        objectName: "repeatPassphraseField"
        Layout.fillWidth: true
        echoMode: TextInput.Password
        placeholderText: qsTr("Repeat the new passphrase")
        inputMethodHints: current.inputMethodHints
        enabled: !root.controller.busy
        onAccepted: changeButton.clicked()
    }
    Label {
        Layout.fillWidth: true
        visible: next.text.length > 0
        text: meter.hint
        wrapMode: Text.Wrap
        opacity: 0.8
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: 12

        Button {
            id: changeButton

            objectName: "changePassphraseButton"
            text: root.controller.busy ? qsTr("Changing…") : qsTr("Change passphrase")
            enabled: !root.controller.busy && current.text.length > 0 && meter.acceptable
                     && repeated.text.length > 0
            onClicked: root.controller.changePassphrase(current.text, next.text, repeated.text)
        }
        BusyIndicator {
            implicitWidth: 40
            implicitHeight: 40
            visible: root.controller.busy
            running: visible
        }
        Item {
            Layout.fillWidth: true
        }
    }
    Label {
        objectName: "passphraseMessage"
        Layout.fillWidth: true
        visible: text.length > 0
        text: root.controller.passphraseMessage
        color: root.controller.passphraseChanged ? Material.color(Material.Green, Material.Shade800)
                                                 : Material.color(Material.Red)
        wrapMode: Text.Wrap
    }
}
