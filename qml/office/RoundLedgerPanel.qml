pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import FieldLedger

// The ledger of each round: open it, or save the whole of it as XLSX or CSV.
Pane {
    id: root

    required property DashboardModel dashboard
    readonly property alias exporter: exporter

    signal ledgerRequested(string campaignId)

    padding: 0

    // Remembered between the choice of format and the file dialog's answer.
    property string exportCampaignId

    function exportLedger(campaignId, suffix) {
        root.exportCampaignId = campaignId
        saveDialog.suffix = suffix
        saveDialog.selectedFile = exporter.suggestedLedgerUrl(campaignId, suffix)
        saveDialog.open()
    }

    ReportExport {
        id: exporter

        services: AppServices
        onFinished: resultDialog.showResult(exporter)
    }

    FileDialog {
        id: saveDialog

        property string suffix: "xlsx"

        title: saveDialog.suffix === "xlsx" ? qsTr("Save the ledger as XLSX")
                                            : qsTr("Save the ledger as CSV")
        fileMode: FileDialog.SaveFile
        defaultSuffix: saveDialog.suffix
        nameFilters: saveDialog.suffix === "xlsx" ? [qsTr("Excel workbooks (*.xlsx)")]
                                                  : [qsTr("CSV files (*.csv)")]
        currentFolder: exporter.exportFolder
        onAccepted: exporter.exportRoundLedger(root.exportCampaignId, saveDialog.selectedFile)
    }

    ExportResultDialog {
        id: resultDialog
    }

    ListView {
        id: list

        objectName: "roundList"
        anchors.fill: parent
        model: root.dashboard.campaigns
        clip: true
        ScrollIndicator.vertical: ScrollIndicator {}

        delegate: ItemDelegate {
            id: round

            required property var modelData

            width: ListView.view.width
            leftPadding: 24
            rightPadding: 16
            onClicked: root.ledgerRequested(round.modelData.campaignId)

            // The actions go under the round's name where the row is too narrow for both.
            contentItem: GridLayout {
                columns: round.width >= 720 ? 2 : 1
                columnSpacing: 8
                rowSpacing: 0

                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2

                    Label {
                        Layout.fillWidth: true
                        text: round.modelData.name
                        font.pixelSize: 16
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: round.modelData.period + " · "
                              + qsTr("%n finding(s)", "", round.modelData.total) + " · "
                              + qsTr("rectification rate %1", "整改率").arg(round.modelData.rateText)
                        opacity: 0.7
                        elide: Text.ElideRight
                    }
                }
                GridLayout {
                    columns: round.width >= 480 ? 3 : 2
                    columnSpacing: 8
                    rowSpacing: 0

                    Button {
                        objectName: "openLedgerButton"
                        flat: true
                        text: qsTr("Open ledger")
                        onClicked: root.ledgerRequested(round.modelData.campaignId)
                    }
                    Button {
                        objectName: "exportXlsxButton"
                        flat: true
                        text: qsTr("Export XLSX", "action: save the ledger as an Excel workbook")
                        onClicked: root.exportLedger(round.modelData.campaignId, "xlsx")
                    }
                    Button {
                        objectName: "exportCsvButton"
                        flat: true
                        text: qsTr("Export CSV", "action: save the ledger as a CSV file")
                        onClicked: root.exportLedger(round.modelData.campaignId, "csv")
                    }
                }
            }
        }
    }

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 520)
        visible: list.count === 0 && !root.dashboard.loading
        title: qsTr("No rounds on this device yet")
        hint: qsTr("Each round's ledger can be opened and exported here.")
    }
}
