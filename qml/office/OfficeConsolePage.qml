pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The office console (督查室): the same app on a desktop, for the office role. A side
// navigation on wide windows (tabs above the content on narrow ones): the dashboard, every
// visit, each round's ledger with its exports, and the planning forms where this build has
// them; sync and settings open their own pages.
Page {
    id: root

    /// Shows the Planning entry (the planning forms are part of this build).
    property bool planningAvailable: false
    property string section: "dashboard"
    readonly property bool wide: width >= 900
    readonly property alias dashboard: dashboard
    readonly property var sections: {
        const list = [
            { key: "dashboard", text: qsTr("Dashboard", "office console section: figures and charts") },
            { key: "visits", text: qsTr("Visits", "office console section: every visit (走访)") },
            { key: "ledger", text: qsTr("Ledger", "office console section: the rounds' ledgers (台账)") }
        ]
        if (root.planningAvailable)
            list.push({ key: "planning",
                        text: qsTr("Planning", "office console section: rounds, checklists, units, visits") })
        list.push({ key: "sync", text: qsTr("Sync", "office console section: open the sync page") })
        list.push({ key: "settings", text: qsTr("Settings", "office console section: open the settings") })
        return list
    }

    signal backRequested()
    signal visitChosen(string visitId)
    signal ledgerRequested(string campaignId, string findingId)
    signal planningRequested()
    signal syncRequested()
    signal settingsRequested()

    // Sections with a page of their own open it; the others show beside the navigation.
    function choose(key) {
        if (key === "planning")
            root.planningRequested()
        else if (key === "sync")
            root.syncRequested()
        else if (key === "settings")
            root.settingsRequested()
        else
            root.section = key
    }

    DashboardModel {
        id: dashboard

        services: AppServices
    }

    header: ToolBar {
        Material.foreground: "white"

        RowLayout {
            anchors.fill: parent
            spacing: 4

            ToolButton {
                objectName: "backButton"
                visible: root.StackView.index > 0
                text: qsTr("Back")
                onClicked: root.backRequested()
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: root.StackView.index > 0 ? 0 : 16
                text: qsTr("Office console", "page title: the inspection office's console (督查室)")
                font.pixelSize: 20
                elide: Text.ElideRight
            }
            Label {
                visible: SyncStatus.enrolled
                text: SyncStatus.stateText
                elide: Text.ElideRight
            }
            ToolButton {
                objectName: "refreshButton"
                text: qsTr("Refresh", "action: read the figures again")
                enabled: !dashboard.loading
                onClicked: dashboard.reload()
            }
            ToolButton {
                text: qsTr("Lock", "action: lock the vault now")
                onClicked: AppServices.lock()
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        // Wide: the navigation down the side.
        Pane {
            Layout.fillHeight: true
            Layout.preferredWidth: 220
            visible: root.wide
            padding: 0
            Material.background: Material.color(Material.Grey, Material.Shade100)

            Column {
                anchors.fill: parent
                anchors.topMargin: 8

                Repeater {
                    model: root.sections

                    delegate: ItemDelegate {
                        id: navItem

                        required property var modelData

                        objectName: "nav_" + navItem.modelData.key
                        width: parent.width
                        height: 52
                        leftPadding: 24
                        text: navItem.modelData.text
                        highlighted: root.section === navItem.modelData.key
                        onClicked: root.choose(navItem.modelData.key)
                    }
                }
            }
        }
        Rectangle {
            Layout.fillHeight: true
            implicitWidth: 1
            visible: root.wide
            color: Material.dividerColor
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // Narrow: the navigation as tabs above the content.
            TabBar {
                id: tabs

                Layout.fillWidth: true
                visible: !root.wide
                currentIndex: Math.max(0, root.sections.findIndex(s => s.key === root.section))

                Repeater {
                    model: root.sections

                    delegate: TabButton {
                        id: tab

                        required property var modelData

                        text: tab.modelData.text
                        width: Math.max(100, implicitWidth)
                        onClicked: {
                            root.choose(tab.modelData.key)
                            // A section with a page of its own keeps the tab that was current.
                            tabs.currentIndex = Math.max(
                                        0, root.sections.findIndex(s => s.key === root.section))
                        }
                    }
                }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: root.section === "visits" ? 1 : root.section === "ledger" ? 2 : 0

                DashboardPanel {
                    objectName: "dashboardPanel"
                    dashboard: dashboard
                    onLedgerRequested: (campaignId, findingId) => root.ledgerRequested(campaignId,
                                                                                       findingId)
                }

                Pane {
                    padding: 0

                    VisitListModel {
                        id: visits

                        services: AppServices
                    }
                    ListView {
                        id: visitList

                        objectName: "consoleVisitList"
                        anchors.fill: parent
                        model: visits
                        clip: true
                        delegate: VisitDelegate {
                            id: visit

                            width: ListView.view.width
                            onClicked: root.visitChosen(visit.visitId)
                            onLedgerClicked: root.ledgerRequested(visit.campaignId, "")
                        }
                        ScrollIndicator.vertical: ScrollIndicator {}
                    }
                    EmptyState {
                        anchors.centerIn: parent
                        width: Math.min(parent.width - 48, 520)
                        visible: visitList.count === 0
                        title: qsTr("No visits yet")
                        hint: qsTr("Visits appear here once they are planned here or synced "
                                   + "from the inspection office.")
                    }
                }

                RoundLedgerPanel {
                    objectName: "roundLedgerPanel"
                    dashboard: dashboard
                    onLedgerRequested: campaignId => root.ledgerRequested(campaignId, "")
                }
            }
        }
    }
}
