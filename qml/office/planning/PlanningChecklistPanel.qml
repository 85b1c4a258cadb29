pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldLedger

// The round's checklist (减分项清单): items by level with a code, what is checked and the most
// a finding under it may deduct; beside it the items so far.
Flickable {
    id: root

    required property OfficePlanning planning

    function add() {
        message.text = root.planning.addChecklistItem(level.currentIndex, code.text, itemText.text,
                                                      max.text, category.text)
        if (message.text.length === 0) {
            done.text = qsTr("Item %1 added.").arg(code.text.trim())
            code.text = ""
            itemText.text = ""
            category.text = ""
            code.forceActiveFocus()
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
            text: qsTr("New checklist item", "form title: a deduction item (减分项)")
            font.bold: true
            color: root.Material.primary
        }
        Label {
            width: parent.width
            visible: root.planning.campaignId.length === 0
            text: qsTr("Create a round first: its checklist is made here.")
            wrapMode: Text.Wrap
            opacity: 0.7
        }
        PlanningCaption {
            width: parent.width
            text: qsTr("Level")
        }
        ComboBox {
            id: level

            objectName: "itemLevelBox"
            width: parent.width
            model: root.planning.levelNames
        }
        Row {
            width: parent.width
            spacing: 12

            PlanningCaption {
                width: 140
                text: qsTr("Code")
            }
            PlanningCaption {
                width: parent.width - 152
                text: qsTr("Maximum deduction (points)")
            }
        }
        Row {
            width: parent.width
            spacing: 12

            TextField {
                id: code

                objectName: "itemCodeField"
                width: 140
                placeholderText: qsTr("e.g. 1.2")
            }
            TextField {
                id: max

                objectName: "itemMaxField"
                width: parent.width - code.width - 12
                placeholderText: qsTr("e.g. 5")
                inputMethodHints: Qt.ImhFormattedNumbersOnly
                onAccepted: root.add()
            }
        }
        PlanningCaption {
            width: parent.width
            text: qsTr("What is checked")
        }
        TextArea {
            id: itemText

            objectName: "itemTextField"
            width: parent.width
            placeholderText: qsTr("What is checked, e.g. the study sessions follow the plan")
            wrapMode: TextEdit.Wrap
        }
        PlanningCaption {
            width: parent.width
            text: qsTr("Category (optional)")
        }
        TextField {
            id: category

            objectName: "itemCategoryField"
            width: parent.width
            placeholderText: qsTr("e.g. Organisational life", "checklist category example")
        }
        Button {
            objectName: "addItemButton"
            highlighted: true
            text: qsTr("Add item")
            enabled: AppServices.unlocked && root.planning.campaignId.length > 0
            onClicked: root.add()
        }
        PlanningMessage {
            id: message

            objectName: "itemMessage"
            width: parent.width
        }
        PlanningMessage {
            id: done

            objectName: "itemDone"
            width: parent.width
            isError: false
        }
    }

    PlanningRecordList {
        id: list

        objectName: "itemList"
        x: form.x + form.width + 32
        y: 16
        width: root.width - x - 24
        title: qsTr("Checklist of this round")
        rows: root.planning.checklist
        emptyText: qsTr("No items yet.")
    }
}
