pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldLedger

// The office's planning (督查室): a round, its checklist, its units and visits with their
// teams, written on this device (offline too); then, with the server, sharing the round with
// the team's tablets and issuing enrolment codes for new ones.
Page {
    id: root

    readonly property alias planning: planning
    // The tab shown first: 0 round, 1 checklist, 2 units and visits, 3 team and enrolment.
    property int initialTab: 0

    signal backRequested()

    // The chosen round's row in the round box.
    function roundIndex() {
        const rounds = planning.campaigns
        for (let i = 0; i < rounds.length; ++i) {
            if (rounds[i].campaignId === planning.campaignId)
                return i
        }
        return -1
    }

    OfficePlanning {
        id: planning

        services: AppServices
    }

    header: ToolBar {
        Material.foreground: "white"

        RowLayout {
            anchors.fill: parent
            spacing: 8

            ToolButton {
                text: qsTr("Back")
                onClicked: root.backRequested()
            }
            Label {
                text: qsTr("Planning", "page title: the office plans rounds (督查计划)")
                font.pixelSize: 18
            }
            ComboBox {
                id: roundBox

                objectName: "roundBox"
                Layout.preferredWidth: 320
                Layout.leftMargin: 16
                visible: planning.campaigns.length > 0
                model: planning.campaigns
                textRole: "name"
                valueRole: "campaignId"
                currentIndex: root.roundIndex()
                onActivated: planning.campaignId = currentValue
                flat: true
                Material.foreground: "white"
            }
            Item {
                Layout.fillWidth: true
            }
            Label {
                objectName: "planningStateLabel"
                text: SyncStatus.stateText
                Layout.rightMargin: 16
            }
        }
    }

    TabBar {
        id: tabs

        objectName: "planningTabs"
        anchors.left: parent.left
        anchors.right: parent.right
        currentIndex: root.initialTab

        TabButton {
            text: qsTr("Round", "planning tab: the round (轮次) and its base scores")
        }
        TabButton {
            text: qsTr("Checklist", "planning tab: deduction items (检查清单)")
        }
        TabButton {
            text: qsTr("Units and visits", "planning tab")
        }
        TabButton {
            text: qsTr("Team and enrolment", "planning tab: devices, sharing, enrolment codes")
        }
    }

    StackLayout {
        anchors.top: tabs.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        currentIndex: tabs.currentIndex

        PlanningRoundPanel {
            planning: planning
        }
        PlanningChecklistPanel {
            planning: planning
        }
        PlanningUnitsPanel {
            planning: planning
        }
        PlanningTeamPanel {
            planning: planning
        }
    }
}
