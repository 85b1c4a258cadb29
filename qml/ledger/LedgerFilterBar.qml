pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// What the ledger shows: a search in the titles, the status, the unit, overdue only, and the
// order. The model does the filtering and sorting.
Pane {
    id: root

    required property LedgerModel ledger

    leftPadding: 16
    rightPadding: 16
    topPadding: 8
    bottomPadding: 8

    GridLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        columns: root.width >= 1000 ? 6 : 3
        columnSpacing: 12
        rowSpacing: 4

        TextField {
            id: search

            objectName: "searchField"
            Layout.fillWidth: true
            Layout.minimumWidth: 160
            placeholderText: qsTr("Search titles")
            inputMethodHints: Qt.ImhNoPredictiveText
            onTextEdited: searchDelay.restart()
            onAccepted: {
                searchDelay.stop()
                root.ledger.search = text
            }

            // Searching a large round reads it once: wait for a pause in the typing.
            Timer {
                id: searchDelay

                interval: 300
                onTriggered: root.ledger.search = search.text
            }
        }
        ComboBox {
            id: statusBox

            objectName: "statusBox"
            Layout.fillWidth: true
            model: root.ledger.statusChoices
            textRole: "text"
            valueRole: "value"
            // count: looked up again once the choices are in.
            currentIndex: statusBox.count > 0 ? statusBox.indexOfValue(root.ledger.statusFilter)
                                              : -1
            onActivated: root.ledger.statusFilter = statusBox.currentValue
        }
        ComboBox {
            id: unitBox

            objectName: "unitBox"
            Layout.fillWidth: true
            model: root.ledger.unitChoices
            textRole: "text"
            valueRole: "value"
            currentIndex: unitBox.count > 0
                          ? Math.max(0, unitBox.indexOfValue(root.ledger.unitFilter)) : -1
            onActivated: root.ledger.unitFilter = unitBox.currentValue
        }
        ComboBox {
            id: sortBox

            objectName: "sortBox"
            Layout.fillWidth: true
            model: root.ledger.sortChoices
            textRole: "text"
            valueRole: "value"
            currentIndex: sortBox.count > 0 ? sortBox.indexOfValue(root.ledger.sortOrder) : -1
            onActivated: root.ledger.sortOrder = sortBox.currentValue
        }
        Switch {
            objectName: "overdueSwitch"
            text: qsTr("Overdue only")
            checked: root.ledger.overdueOnly
            onToggled: root.ledger.overdueOnly = checked
        }
        Label {
            objectName: "countLabel"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            // The first filter reads the whole round in the background.
            text: root.ledger.loading ? qsTr("Reading the whole ledger…")
                                      : qsTr("%n finding(s)", "", root.ledger.totalCount)
            opacity: 0.7
            elide: Text.ElideRight
        }
    }
}
