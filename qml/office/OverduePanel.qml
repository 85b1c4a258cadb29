pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts

// The open findings past their due date, most overdue first; each opens in the ledger.
ColumnLayout {
    id: root

    /// DashboardModel.overdueItems
    property var items: []
    property int total: 0

    signal findingChosen(string campaignId, string findingId)

    spacing: 4

    RowLayout {
        Layout.fillWidth: true

        Label {
            Layout.fillWidth: true
            text: qsTr("Overdue", "heading: findings past their due date, not closed")
            font.pixelSize: 16
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            objectName: "overdueTotal"
            visible: root.total > root.items.length
            text: qsTr("the %1 most overdue of %2").arg(root.items.length).arg(root.total)
            opacity: 0.7
        }
    }
    Label {
        objectName: "overdueEmpty"
        Layout.fillWidth: true
        visible: root.items.length === 0
        text: qsTr("No finding is past its due date.")
        opacity: 0.7
        wrapMode: Text.Wrap
    }
    Repeater {
        model: root.items

        delegate: ItemDelegate {
            id: row

            required property var modelData

            objectName: "overdueRow"
            Layout.fillWidth: true
            leftPadding: 8
            rightPadding: 8
            onClicked: root.findingChosen(row.modelData.campaignId, row.modelData.findingId)

            contentItem: RowLayout {
                spacing: 12

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0

                    Label {
                        Layout.fillWidth: true
                        text: row.modelData.title
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: row.modelData.unitName + " · " + row.modelData.campaignName
                              + " · " + row.modelData.statusName
                        font.pixelSize: 12
                        opacity: 0.7
                        elide: Text.ElideRight
                    }
                }
                ColumnLayout {
                    spacing: 0

                    Label {
                        Layout.alignment: Qt.AlignRight
                        text: qsTr("due %1", "due date of a finding").arg(row.modelData.dueDateText)
                        color: Material.color(Material.Red)
                    }
                    Label {
                        Layout.alignment: Qt.AlignRight
                        text: qsTr("%n day(s) overdue", "", row.modelData.daysOverdue)
                        font.pixelSize: 12
                        color: Material.color(Material.Red)
                    }
                }
                Label {
                    visible: root.width >= 560 // the whole row is the link anyway
                    text: qsTr("Open in ledger", "link: show this finding in the ledger")
                    color: Material.accent
                }
            }
        }
    }
}
