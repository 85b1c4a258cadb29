import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import FieldLedger

// Saves the visit report (督查报告, PDF) where the person chooses, and says how it went.
ToolButton {
    id: root

    property string visitId
    readonly property alias exporter: exporter
    readonly property alias saveDialog: saveDialog
    readonly property alias resultDialog: resultDialog

    objectName: "reportButton"
    text: qsTr("Report PDF", "toolbar action: save the visit report as a PDF file")
    onClicked: {
        saveDialog.selectedFile = exporter.suggestedVisitReportUrl(root.visitId)
        saveDialog.open()
    }

    ReportExport {
        id: exporter

        services: AppServices
        onFinished: resultDialog.showResult(exporter)
    }

    FileDialog {
        id: saveDialog

        title: qsTr("Save the visit report")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF files (*.pdf)")]
        currentFolder: exporter.exportFolder
        onAccepted: exporter.exportVisitPdf(root.visitId, saveDialog.selectedFile)
    }

    ExportResultDialog {
        id: resultDialog
    }
}
