pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldLedger

// A new round (轮次): its name, period and base score per level; beside it the rounds so far.
Flickable {
    id: root

    required property OfficePlanning planning

    function create() {
        const base = i => bases.itemAt(i) ? bases.itemAt(i).text : ""
        message.text = root.planning.createCampaign(name.text, start.text, end.text,
                                                    base(0), base(1), base(2))
        if (message.text.length === 0) {
            done.text = qsTr("Round \"%1\" created. Add its checklist next.").arg(name.text.trim())
            name.text = ""
        } else {
            done.text = ""
        }
    }

    contentHeight: Math.max(form.implicitHeight, list.implicitHeight) + 48
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollIndicator.vertical: ScrollIndicator {}

    Column {
        id: form

        x: 24
        y: 16
        width: Math.min(440, root.width - 48)
        spacing: 8

        Label {
            width: parent.width
            text: qsTr("New round", "form title: a new inspection round (轮次)")
            font.bold: true
            color: root.Material.primary
        }
        PlanningCaption {
            width: parent.width
            text: qsTr("Name of the round")
        }
        TextField {
            id: name

            objectName: "roundNameField"
            width: parent.width
            placeholderText: qsTr("e.g. 2026 fourth round", "round name example")
            onAccepted: root.create()
        }
        Row {
            width: parent.width
            spacing: 12

            PlanningCaption {
                width: (parent.width - 12) / 2
                text: qsTr("Starts on")
            }
            PlanningCaption {
                width: (parent.width - 12) / 2
                text: qsTr("Ends on")
            }
        }
        Row {
            width: parent.width
            spacing: 12

            TextField {
                id: start

                objectName: "roundStartField"
                width: (parent.width - 12) / 2
                placeholderText: qsTr("2026-11-01", "date format example")
                inputMethodHints: Qt.ImhDate
            }
            TextField {
                id: end

                objectName: "roundEndField"
                width: (parent.width - 12) / 2
                placeholderText: qsTr("2026-12-31", "date format example")
                inputMethodHints: Qt.ImhDate
            }
        }
        Label {
            width: parent.width
            text: qsTr("Base score per level (deductions are taken from it)")
            wrapMode: Text.Wrap
            font.pixelSize: 13
            opacity: 0.7
        }
        Repeater {
            id: bases

            model: root.planning.levelNames

            Row {
                id: baseRow

                required property string modelData
                required property int index
                readonly property alias text: field.text

                width: form.width
                spacing: 12

                Label {
                    width: parent.width - field.width - 12
                    anchors.verticalCenter: parent.verticalCenter
                    text: baseRow.modelData
                    elide: Text.ElideRight
                }
                TextField {
                    id: field

                    objectName: "roundBase" + baseRow.index + "Field"
                    width: 120
                    text: "100"
                    horizontalAlignment: TextInput.AlignRight
                    inputMethodHints: Qt.ImhFormattedNumbersOnly
                }
            }
        }
        Button {
            objectName: "createRoundButton"
            highlighted: true
            text: qsTr("Create round")
            enabled: AppServices.unlocked
            onClicked: root.create()
        }
        PlanningMessage {
            id: message

            objectName: "roundMessage"
            width: parent.width
        }
        PlanningMessage {
            id: done

            objectName: "roundDone"
            width: parent.width
            isError: false
        }
        Label {
            width: parent.width
            text: qsTr("Everything planned here is saved on this device at once, also offline, "
                       + "and reaches the server with the next sync once the round is shared.")
            wrapMode: Text.Wrap
            font.pixelSize: 13
            opacity: 0.7
        }
    }

    PlanningRecordList {
        id: list

        objectName: "roundList"
        x: form.x + form.width + 32
        y: 16
        width: root.width - x - 24
        title: qsTr("Rounds")
        rows: root.planning.campaigns
        emptyText: qsTr("No rounds yet: create the first one.")
    }
}
