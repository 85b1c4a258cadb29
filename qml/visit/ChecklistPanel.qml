pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import FieldLedger

// The round's checklist for a visit, by level, each level headed by how many of its items
// have findings. Choosing an item records a new finding under it.
Item {
    id: root

    property string visitId

    signal itemChosen(string itemId)

    ChecklistModel {
        id: checklist

        services: AppServices
        visitId: root.visitId
    }

    ListView {
        id: list

        anchors.fill: parent
        model: checklist
        clip: true
        // Levels are headed by their first item (firstOfLevel), not by ListView sections:
        // Qt 6.4 creates section delegates outside their creation context, which a bound
        // component refuses.
        delegate: ChecklistItemDelegate {
            id: item

            width: ListView.view.width
            onClicked: root.itemChosen(item.itemId)
        }
        ScrollIndicator.vertical: ScrollIndicator {}
    }

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        visible: list.count === 0
        title: qsTr("No checklist")
        hint: qsTr("The round's checklist arrives with the visit when the tablet syncs.")
    }
}
