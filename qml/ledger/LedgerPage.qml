pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Dialogs
import QtQuick.Layouts
import FieldLedger

// The ledger (台账) of a round: every finding with its unit, due date and rectification status,
// overdue ones in red, with filters and an order above. The chosen finding's history and its
// next lifecycle step show beside the list (in portrait, instead of it). Exports what is shown.
Page {
    id: root

    property string campaignId
    property string selectedFindingId
    readonly property bool wide: width >= height
    readonly property alias ledger: ledger

    signal backRequested()
    signal findingOpened(string findingId, string visitId)
    signal photoChosen(string photoId, string caption)

    // For the page tour: the dialog of the chosen finding's next step.
    function openNextStep() {
        detail.openNextStep()
    }

    LedgerModel {
        id: ledger

        services: AppServices
        campaignId: root.campaignId
        onExported: (rows, path) => notice.show(
                        qsTr("%n finding(s) exported to %1", "", rows).arg(path), false)
        onErrorStringChanged: {
            if (ledger.errorString.length > 0)
                notice.show(ledger.errorString, true)
        }
    }

    header: ToolBar {
        Material.foreground: "white"

        RowLayout {
            anchors.fill: parent
            spacing: 4

            ToolButton {
                text: qsTr("Back")
                onClicked: root.backRequested()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0

                Label {
                    Layout.fillWidth: true
                    text: qsTr("Ledger", "page title: the findings tracked until closed (台账)")
                    font.pixelSize: 18
                    elide: Text.ElideRight
                }
                Label {
                    Layout.fillWidth: true
                    text: ledger.campaignName
                    font.pixelSize: 13
                    opacity: 0.85
                    elide: Text.ElideRight
                }
            }
            ToolButton {
                objectName: "exportButton"
                text: qsTr("Export CSV", "toolbar action: save the ledger as a CSV file")
                onClicked: {
                    exportDialog.selectedFile = ledger.suggestedExportUrl()
                    exportDialog.open()
                }
            }
            ToolButton {
                objectName: "exportXlsxButton"
                text: qsTr("Export XLSX", "toolbar action: save the ledger as an Excel workbook")
                onClicked: {
                    xlsxDialog.selectedFile = reportExport.suggestedLedgerUrl(root.campaignId,
                                                                              "xlsx")
                    xlsxDialog.open()
                }
            }
        }
    }

    // The XLSX export of what is shown (ReportExport writes the workbook of native/reports).
    ReportExport {
        id: reportExport

        services: AppServices
        onFinished: {
            if (reportExport.errorString.length > 0)
                notice.show(reportExport.errorString, true)
            else
                notice.show(qsTr("Ledger exported to %1").arg(reportExport.lastPath), false)
        }
    }

    FileDialog {
        id: xlsxDialog

        title: qsTr("Export the ledger as XLSX")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "xlsx"
        nameFilters: [qsTr("Excel workbooks (*.xlsx)")]
        currentFolder: reportExport.exportFolder
        onAccepted: reportExport.exportShownLedger(ledger, xlsxDialog.selectedFile)
    }

    FileDialog {
        id: exportDialog

        title: qsTr("Export the ledger as CSV")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        currentFolder: ledger.exportFolder
        onAccepted: ledger.exportCsv(exportDialog.selectedFile)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        LedgerFilterBar {
            Layout.fillWidth: true
            visible: root.wide || root.selectedFindingId.length === 0
            ledger: ledger
        }
        Pane {
            id: notice

            property bool isError: false
            property string text

            function show(text, isError) {
                notice.text = text
                notice.isError = isError
                hideTimer.restart()
            }

            objectName: "ledgerNotice"
            Layout.fillWidth: true
            visible: notice.text.length > 0
            Material.background: notice.isError ? Material.color(Material.Red, Material.Shade50)
                                                : Material.color(Material.Green, Material.Shade50)

            Label {
                width: parent.width
                text: notice.text
                wrapMode: Text.Wrap
                color: notice.isError ? Material.color(Material.Red, Material.Shade900)
                                      : Material.color(Material.Green, Material.Shade900)
            }
            Timer {
                id: hideTimer

                interval: 8000
                onTriggered: notice.text = ""
            }
        }
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 1
            color: Material.dividerColor
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            ListView {
                id: list

                objectName: "ledgerList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 6
                visible: root.wide || root.selectedFindingId.length === 0
                model: ledger
                clip: true
                delegate: LedgerDelegate {
                    id: row

                    width: ListView.view.width
                    highlighted: row.findingId === root.selectedFindingId
                    onClicked: root.selectedFindingId = row.findingId
                }
                ScrollIndicator.vertical: ScrollIndicator {}

                EmptyState {
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 420)
                    visible: list.count === 0
                    title: ledger.totalCount === 0 && !ledger.allLoaded
                           ? qsTr("No findings in this round yet")
                           : qsTr("No finding matches")
                    hint: ledger.totalCount === 0 && !ledger.allLoaded
                          ? qsTr("Findings recorded on the round's visits are tracked here until "
                                 + "they are closed.")
                          : qsTr("Change the filters or the search to see more.")
                }
            }
            Rectangle {
                Layout.fillHeight: true
                implicitWidth: 1
                visible: root.wide
                color: Material.dividerColor
            }
            LedgerDetailPanel {
                id: detail

                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 5
                visible: root.wide || root.selectedFindingId.length > 0
                findingId: root.selectedFindingId
                showBack: !root.wide
                onCloseRequested: root.selectedFindingId = ""
                onEditRequested: (findingId, visitId) => root.findingOpened(findingId, visitId)
                onPhotoChosen: (photoId, caption) => root.photoChosen(photoId, caption)
            }
        }
    }
}
