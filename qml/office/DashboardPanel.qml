pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The office dashboard: totals, the rectification rate (closed ÷ all findings) per round and
// per unit as bar charts, the overdue findings, and every unit's score per level.
Pane {
    id: root

    required property DashboardModel dashboard
    readonly property bool wide: width >= 900

    signal ledgerRequested(string campaignId, string findingId)

    padding: 0

    component Tile: Pane {
        id: tile

        property string value
        property string caption
        property color tint: Material.foreground

        implicitWidth: 150
        padding: 12
        Material.background: Material.color(Material.Grey, Material.Shade50)
        Material.elevation: 1

        ColumnLayout {
            anchors.left: parent.left
            anchors.right: parent.right
            spacing: 2

            Label {
                Layout.fillWidth: true
                text: tile.value
                font.pixelSize: 26
                font.bold: true
                color: tile.tint
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: tile.caption
                opacity: 0.7
                elide: Text.ElideRight
            }
        }
    }

    ProgressBar {
        objectName: "dashboardProgress"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        visible: root.dashboard.loading
        indeterminate: true
        z: 1
    }

    // The first reading of a big device takes a second or two: say what is happening.
    ColumnLayout {
        objectName: "dashboardLoading"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        visible: root.dashboard.loading && root.dashboard.campaignCount === 0
        spacing: 12

        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: parent.visible
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Counting the findings of every round…")
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            opacity: 0.7
        }
    }

    EmptyState {
        objectName: "dashboardEmpty"
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        visible: !root.dashboard.loading && root.dashboard.campaignCount === 0
        title: root.dashboard.errorString.length > 0 ? root.dashboard.errorString
                                                      : qsTr("No rounds on this device yet")
        hint: qsTr("Rounds, their units and visits appear here once they are planned here or "
                   + "synced from the inspection office.")
    }

    Flickable {
        id: flick

        anchors.fill: parent
        visible: root.dashboard.campaignCount > 0
        contentHeight: content.implicitHeight + 48
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        ColumnLayout {
            id: content

            x: 24
            y: 24
            width: flick.width - 48
            spacing: 20

            Flow {
                Layout.fillWidth: true
                spacing: 12

                Tile {
                    value: root.dashboard.campaignCount
                    caption: qsTr("Rounds", "count of inspection rounds (轮次)")
                }
                Tile {
                    value: root.dashboard.unitCount
                    caption: qsTr("Units", "count of inspected units")
                }
                Tile {
                    value: root.dashboard.visitCount
                    caption: qsTr("Visits", "count of visits (走访)")
                }
                Tile {
                    value: root.dashboard.findingCount
                    caption: qsTr("Findings", "count of findings (问题)")
                }
                Tile {
                    objectName: "rateTile"
                    value: root.dashboard.findingCount > 0
                           ? root.dashboard.rateText(root.dashboard.rate) : "–"
                    caption: qsTr("Rectification rate", "整改率: closed ÷ all findings")
                }
                Tile {
                    objectName: "overdueTile"
                    value: root.dashboard.overdueCount
                    caption: qsTr("Overdue", "count of findings past their due date")
                    tint: root.dashboard.overdueCount > 0 ? Material.color(Material.Red)
                                                          : Material.foreground
                }
            }

            GridLayout {
                Layout.fillWidth: true
                columns: root.wide ? 2 : 1
                columnSpacing: 32
                rowSpacing: 20

                RateBarChart {
                    objectName: "campaignChart"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    title: qsTr("Rectification rate per round")
                    entries: root.dashboard.campaigns
                    emptyText: qsTr("No rounds yet.")
                    labelWidth: 200
                    onEntryClicked: index => root.ledgerRequested(
                                        root.dashboard.campaigns[index].campaignId, "")
                }
                RateBarChart {
                    objectName: "unitChart"
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: 1
                    title: qsTr("Rectification rate per unit")
                    entries: root.dashboard.unitRates
                    emptyText: qsTr("No findings recorded yet: rates appear with the first "
                                    + "finding.")
                    labelWidth: 200
                    onEntryClicked: index => root.ledgerRequested(
                                        root.dashboard.unitRates[index].campaignId, "")
                }
            }

            OverduePanel {
                objectName: "overduePanel"
                Layout.fillWidth: true
                items: root.dashboard.overdueItems
                total: root.dashboard.overdueCount
                onFindingChosen: (campaignId, findingId) => root.ledgerRequested(campaignId,
                                                                                 findingId)
            }

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Label {
                    Layout.fillWidth: true
                    Layout.bottomMargin: 8
                    text: qsTr("Unit scores", "heading: each unit's score, base minus deductions")
                    font.pixelSize: 16
                    font.bold: true
                    elide: Text.ElideRight
                }
                Repeater {
                    model: root.dashboard

                    delegate: UnitScoreDelegate {
                        id: unitRow

                        Layout.fillWidth: true
                        onLedgerClicked: root.ledgerRequested(unitRow.campaignId, "")
                    }
                }
            }
        }
    }
}
