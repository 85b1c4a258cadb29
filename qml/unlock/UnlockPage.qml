pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Creates the vault on first start, unlocks it afterwards. The checks (passphrase rules,
// wrong-passphrase back-off) are the C++ side's; this page shows what it says.
Page {
    id: root

    // Creating a vault (first start) or unlocking the existing one.
    property bool creating: !AppServices.vaultExists

    function submit() {
        if (!submitButton.enabled)
            return
        if (root.creating)
            AppServices.createVault(passphrase.text, repeated.text)
        else
            AppServices.unlock(passphrase.text)
    }

    onVisibleChanged: {
        passphrase.text = ""
        repeated.text = ""
        if (visible)
            passphrase.forceActiveFocus()
    }
    Component.onCompleted: if (visible) passphrase.forceActiveFocus()

    Connections {
        target: AppServices
        function onUnlockedChanged() {
            passphrase.text = ""
            repeated.text = ""
        }
        function onErrorStringChanged() {
            if (AppServices.errorString.length > 0)
                passphrase.selectAll()
        }
    }

    PassphraseMeter {
        id: meter
    }

    // Input never falls through to the pages underneath.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
    }

    Flickable {
        anchors.fill: parent
        contentHeight: Math.max(height, column.implicitHeight + 64)
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: column

            anchors.centerIn: parent
            width: Math.min(parent.width - 48, 480)
            spacing: 16

            Label {
                Layout.fillWidth: true
                text: qsTr("FieldLedger", "product name 督查台账")
                font.pixelSize: 32
                font.bold: true
                color: Material.primary
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: root.creating
                      ? qsTr("Choose a passphrase. It encrypts everything on this tablet; "
                             + "without it nobody, including you, can read the data.")
                      : qsTr("Enter your passphrase to unlock.")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                opacity: 0.8
            }
            TextField {
                id: passphrase

                objectName: "passphraseField"
                Layout.fillWidth: true
                echoMode: TextInput.Password
                placeholderText: qsTr("Passphrase")
                inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                  | Qt.ImhNoAutoUppercase
                enabled: !AppServices.busy
                onTextChanged: if (root.creating) meter.measure(text)
                onAccepted: root.creating ? repeated.forceActiveFocus() : root.submit()
            }
            TextField {
                id: repeated

                objectName: "repeatField"
                Layout.fillWidth: true
                visible: root.creating
                echoMode: TextInput.Password
                placeholderText: qsTr("Repeat the passphrase")
                inputMethodHints: passphrase.inputMethodHints
                enabled: !AppServices.busy
                onAccepted: root.submit()
            }
            ProgressBar {
                Layout.fillWidth: true
                visible: root.creating && passphrase.text.length > 0
                from: 0
                to: 4
                value: meter.strength
            }
            Label {
                objectName: "strengthHint"
                Layout.fillWidth: true
                visible: root.creating && passphrase.text.length > 0
                text: meter.hint
                wrapMode: Text.Wrap
            }
            Button {
                id: submitButton

                objectName: "submitButton"
                Layout.fillWidth: true
                highlighted: true
                text: AppServices.busy
                      ? (root.creating ? qsTr("Creating…") : qsTr("Unlocking…"))
                      : (root.creating ? qsTr("Create and unlock") : qsTr("Unlock"))
                enabled: !AppServices.busy && AppServices.retrySeconds === 0
                         && passphrase.text.length > 0
                         && (!root.creating || (meter.acceptable && repeated.text.length > 0))
                onClicked: root.submit()
            }
            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                visible: AppServices.busy
                running: visible
            }
            Label {
                objectName: "errorLabel"
                Layout.fillWidth: true
                visible: text.length > 0
                text: AppServices.errorString
                color: Material.color(Material.Red)
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
            Label {
                objectName: "retryLabel"
                Layout.fillWidth: true
                visible: AppServices.retrySeconds > 0
                text: qsTr("Next try in %n second(s).", "", AppServices.retrySeconds)
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Locks itself after %n minute(s) without use and when the app "
                           + "goes to the background.", "", AppServices.autoLockMinutes)
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                font.pixelSize: 13
                opacity: 0.6
            }
        }
    }
}
