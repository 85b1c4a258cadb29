import QtQuick
import QtQuick.Dialogs

// Chooses a JPEG or PNG to import as a photo (the platform's picker where there is one).
FileDialog {
    title: qsTr("Choose a photo")
    fileMode: FileDialog.OpenFile
    nameFilters: [qsTr("Photos (*.jpg *.jpeg *.png)"), qsTr("All files (*)")]
}
