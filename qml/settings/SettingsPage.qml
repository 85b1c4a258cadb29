pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// Settings: device enrolment, the UI language, when the vault locks itself, the passphrase.
Page {
    id: root

    readonly property alias controller: settings

    signal backRequested()
    // The language changed: pages built before still hold texts of the old one.
    signal languageSwitched()

    SettingsController {
        id: settings

        services: AppServices
        onLanguageChanged: root.languageSwitched()
    }

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
                text: qsTr("Settings", "page title: 设置")
                font.pixelSize: 18
                elide: Text.ElideRight
            }
        }
    }

    Flickable {
        id: flick

        anchors.fill: parent
        contentHeight: content.implicitHeight + 48
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollIndicator.vertical: ScrollIndicator {}

        // A Column, not a ColumnLayout: in Qt 6.4 a layout of layouts holding wrapped labels
        // keeps heights from an earlier width (labels overlapping the next section).
        Column {
            id: content

            x: Math.max(24, (flick.width - width) / 2)
            y: 16
            width: Math.min(flick.width - 48, 760)
            spacing: 12

            SectionHeading {
                width: parent.width
                title: qsTr("Device enrolment", "设备注册")
            }
            EnrolmentForm {
                width: parent.width
            }

            SectionHeading {
                width: parent.width
                title: qsTr("Language", "UI language setting")
            }
            Row {
                spacing: 16

                Repeater {
                    model: settings.languageCodes

                    RadioButton {
                        required property string modelData
                        required property int index

                        objectName: "language_" + modelData
                        text: settings.languageNames[index]
                        checked: settings.language === modelData
                        onToggled: if (checked) settings.language = modelData
                    }
                }
            }

            SectionHeading {
                width: parent.width
                title: qsTr("Auto-lock")
            }
            Label {
                width: parent.width
                text: qsTr("Lock after this long without use (and always when the app "
                           + "goes to the background):")
                wrapMode: Text.Wrap
            }
            ComboBox {
                objectName: "autoLockBox"
                width: 200
                model: settings.autoLockChoices
                currentIndex: settings.autoLockIndex
                displayText: qsTr("%n minute(s)", "", settings.autoLockMinutes)
                delegate: ItemDelegate {
                    required property int modelData

                    width: ListView.view.width
                    text: qsTr("%n minute(s)", "", modelData)
                }
                onActivated: index => settings.autoLockIndex = index
            }

            SectionHeading {
                width: parent.width
                title: qsTr("Change passphrase")
            }
            PassphraseForm {
                width: parent.width
                controller: settings
            }
        }
    }
}
