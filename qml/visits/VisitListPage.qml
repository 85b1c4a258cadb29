pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The visits on this tablet, grouped by round.
Page {
    id: root

    signal visitChosen(string visitId)
    signal syncRequested()
    signal settingsRequested()
    signal ledgerRequested(string campaignId)
    signal officeRequested()

    header: ToolBar {
        Material.foreground: "white"

        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 16
            spacing: 8

            Label {
                Layout.fillWidth: true
                text: qsTr("Visits", "page title: the inspector's visits (走访)")
                font.pixelSize: 20
                elide: Text.ElideRight
            }
            Label {
                objectName: "pendingLabel"
                visible: AppServices.pendingCount > 0
                text: qsTr("%n change(s) not yet synced", "", AppServices.pendingCount)
                elide: Text.ElideRight
                Layout.maximumWidth: root.width / 2
            }
            ToolButton {
                objectName: "officeButton"
                visible: SyncStatus.role === "office"
                text: qsTr("Office console", "toolbar action: open the office's console (督查室)")
                onClicked: root.officeRequested()
            }
            ToolButton {
                objectName: "syncButton"
                text: SyncStatus.syncing ? SyncStatus.stateText
                                         : qsTr("Sync · %1", "toolbar: sync, then its state")
                                           .arg(SyncStatus.stateText)
                onClicked: root.syncRequested()
            }
            ToolButton {
                objectName: "settingsButton"
                text: qsTr("Settings", "toolbar action: open the settings")
                onClicked: root.settingsRequested()
            }
            ToolButton {
                text: qsTr("Lock", "action: lock the vault now")
                onClicked: AppServices.lock()
            }
        }
    }

    VisitListModel {
        id: visits

        services: AppServices
    }

    ListView {
        id: list

        anchors.fill: parent
        model: visits
        clip: true
        // Rounds are headed by their first row (firstOfCampaign), not by ListView sections:
        // Qt 6.4 creates section delegates outside their creation context, which a bound
        // component refuses.
        delegate: VisitDelegate {
            id: visit

            width: ListView.view.width
            onClicked: root.visitChosen(visit.visitId)
            onLedgerClicked: root.ledgerRequested(visit.campaignId)
        }
        ScrollIndicator.vertical: ScrollIndicator {}
    }

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        visible: list.count === 0
        title: qsTr("No visits yet")
        hint: qsTr("Visits assigned to this tablet appear here after a sync with the "
                   + "inspection office.")
    }
}
