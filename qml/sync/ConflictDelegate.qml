pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// One conflict: which record and field, the value in force and the other one side by side,
// each with who wrote it and when, and a button to keep it.
Pane {
    id: root

    required property int index
    required property string recordTypeName
    required property string recordTitle
    required property string fieldName
    required property string currentText
    required property string currentOrigin
    required property string otherText
    required property string otherOrigin

    // takeOther: the other value replaces the one in force.
    signal chosen(bool takeOther)

    padding: 16

    component Side: Frame {
        id: side

        property string heading
        property string origin
        property string value
        property string action
        property string buttonName

        signal picked()

        Layout.fillWidth: true
        Layout.preferredWidth: 1
        Layout.fillHeight: true

        ColumnLayout {
            anchors.fill: parent
            spacing: 6

            Label {
                Layout.fillWidth: true
                text: side.heading
                font.bold: true
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: side.origin
                font.pixelSize: 13
                opacity: 0.7
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                Layout.fillHeight: true
                text: side.value
                font.pixelSize: 16
                wrapMode: Text.Wrap
            }
            Button {
                objectName: side.buttonName
                Layout.alignment: Qt.AlignRight
                text: side.action
                onClicked: side.picked()
            }
        }
    }

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 8

        Label {
            Layout.fillWidth: true
            text: qsTr("%1 “%2” · %3", "record type, record title, field name")
                  .arg(root.recordTypeName).arg(root.recordTitle).arg(root.fieldName)
            font.bold: true
            elide: Text.ElideRight
        }
        GridLayout {
            Layout.fillWidth: true
            columns: root.width > 560 ? 2 : 1
            columnSpacing: 12
            rowSpacing: 8

            Side {
                heading: qsTr("In force", "the value a conflict's field has now")
                origin: root.currentOrigin
                value: root.currentText
                action: qsTr("Keep this")
                buttonName: "keepCurrentButton"
                onPicked: root.chosen(false)
            }
            Side {
                heading: qsTr("Other value", "the concurrent value that lost")
                origin: root.otherOrigin
                value: root.otherText
                action: qsTr("Use this")
                buttonName: "takeOtherButton"
                onPicked: root.chosen(true)
            }
        }
    }
}
