pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldLedger

// The round's units (被督查单位) and visits (走访): a visit is one team's visit to one unit on
// a date. The team is picked from the tablets enrolled with the server when it is in reach,
// and typed by name otherwise (or as well).
Flickable {
    id: root

    required property OfficePlanning planning
    // Device ids ticked for the next visit's team.
    property var pickedDevices: []

    function addUnit() {
        unitMessage.text = root.planning.createUnit(unitName.text, unitContact.text)
        if (unitMessage.text.length === 0) {
            unitName.text = ""
            unitContact.text = ""
        }
    }
    function addVisit() {
        visitMessage.text = root.planning.createVisit(visitUnit.currentValue || "",
                                                      visitDate.text, root.pickedDevices,
                                                      typedTeam.text)
        if (visitMessage.text.length === 0) {
            visitDone.text = qsTr("Visit to %1 planned.").arg(visitUnit.currentText)
            typedTeam.text = ""
            root.pickedDevices = []
        } else {
            visitDone.text = ""
        }
    }
    function togglePicked(deviceId, on) {
        const next = root.pickedDevices.filter(id => id !== deviceId)
        if (on)
            next.push(deviceId)
        root.pickedDevices = next
    }

    contentHeight: Math.max(form.implicitHeight, lists.implicitHeight) + 48
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollIndicator.vertical: ScrollIndicator {}
    Component.onCompleted: if (root.planning.officeDevice) root.planning.refreshDevices()

    Column {
        id: form

        x: 24
        y: 16
        width: Math.min(440, root.width - 48)
        spacing: 8

        Label {
            width: parent.width
            visible: root.planning.campaignId.length === 0
            text: qsTr("Create a round first: units and visits belong to it.")
            wrapMode: Text.Wrap
            opacity: 0.7
        }
        Label {
            width: parent.width
            text: qsTr("New unit", "form title: an inspected unit (被督查单位)")
            font.bold: true
            color: root.Material.primary
        }
        PlanningCaption {
            width: parent.width
            text: qsTr("Name of the unit")
        }
        TextField {
            id: unitName

            objectName: "unitNameField"
            width: parent.width
            placeholderText: qsTr("e.g. Provincial Department of Transport")
            onAccepted: root.addUnit()
        }
        PlanningCaption {
            width: parent.width
            text: qsTr("Contact (optional)")
        }
        TextField {
            id: unitContact

            objectName: "unitContactField"
            width: parent.width
            placeholderText: qsTr("e.g. Office director Wang, 0571-8700 0000")
            onAccepted: root.addUnit()
        }
        Button {
            objectName: "addUnitButton"
            highlighted: true
            text: qsTr("Add unit")
            enabled: AppServices.unlocked && root.planning.campaignId.length > 0
            onClicked: root.addUnit()
        }
        PlanningMessage {
            id: unitMessage

            objectName: "unitMessage"
            width: parent.width
        }

        Label {
            width: parent.width
            topPadding: 16
            text: qsTr("New visit", "form title: a visit (走访) to a unit")
            font.bold: true
            color: root.Material.primary
        }
        PlanningCaption {
            width: parent.width
            text: qsTr("Unit visited")
        }
        ComboBox {
            id: visitUnit

            objectName: "visitUnitBox"
            width: parent.width
            model: root.planning.units
            textRole: "name"
            valueRole: "unitId"
            displayText: count > 0 ? currentText : qsTr("Add a unit first")
        }
        PlanningCaption {
            width: parent.width
            text: qsTr("Date of the visit")
        }
        TextField {
            id: visitDate

            objectName: "visitDateField"
            width: parent.width
            placeholderText: qsTr("2026-11-20", "date format example")
            inputMethodHints: Qt.ImhDate
        }
        Label {
            width: parent.width
            text: root.planning.devicesLoaded
                  ? qsTr("Team: tick the enrolled tablets, or type names")
                  : qsTr("Team: type the inspectors' names, separated by commas. The enrolled "
                         + "tablets can be picked here when the server is in reach.")
            wrapMode: Text.Wrap
            font.pixelSize: 13
            opacity: 0.7
        }
        Repeater {
            model: root.planning.devices

            CheckBox {
                id: pick

                required property var modelData

                objectName: "teamDevice_" + modelData.deviceId
                width: form.width
                text: qsTr("%1 (%2)", "device name (role)").arg(modelData.label)
                      .arg(modelData.roleName)
                checked: root.pickedDevices.indexOf(modelData.deviceId) >= 0
                onToggled: root.togglePicked(pick.modelData.deviceId, checked)
            }
        }
        TextField {
            id: typedTeam

            objectName: "visitTeamField"
            width: parent.width
            placeholderText: qsTr("Team members, e.g. Zhang Ming, Li Hua")
            onAccepted: root.addVisit()
        }
        Button {
            objectName: "addVisitButton"
            highlighted: true
            text: qsTr("Plan visit")
            enabled: AppServices.unlocked && root.planning.campaignId.length > 0
            onClicked: root.addVisit()
        }
        PlanningMessage {
            id: visitMessage

            objectName: "visitMessage"
            width: parent.width
        }
        PlanningMessage {
            id: visitDone

            objectName: "visitDone"
            width: parent.width
            isError: false
        }
    }

    Column {
        id: lists

        x: form.x + form.width + 32
        y: 16
        width: root.width - x - 24
        spacing: 24

        PlanningRecordList {
            objectName: "unitList"
            width: parent.width
            title: qsTr("Units of this round")
            rows: root.planning.units
            emptyText: qsTr("No units yet.")
        }
        PlanningRecordList {
            objectName: "visitList"
            width: parent.width
            title: qsTr("Visits of this round")
            rows: root.planning.visits
            emptyText: qsTr("No visits yet.")
        }
    }
}
