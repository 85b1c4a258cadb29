import QtQuick
import QtTest
import FieldLedger

// The camera page where there is no camera (CI machines have none): it loads only when asked
// for, says plainly that there is no camera, offers import from files, and the photo strip's
// button says so from then on; import from a file still works.
Item {
    id: root

    width: 1280
    height: 800

    TestCase {
        id: testCase

        name: "CameraPage"
        when: windowShown

        property string findingId

        VisitListModel {
            id: visits

            services: AppServices
        }
        ChecklistModel {
            id: checklist

            services: AppServices
            visitId: visits.count > 0 ? visits.data(visits.index(0, 0), VisitListModel.VisitIdRole)
                                      : ""
        }
        FindingEditor {
            id: editor

            services: AppServices
        }
        PhotoListModel {
            id: photos

            services: AppServices
            recordId: testCase.findingId
        }
        Component {
            id: stripComponent

            PhotoStrip {
                width: root.width
            }
        }

        function initTestCase() {
            if (!AppServices.unlocked) {
                AppServices.unlock("app test passphrase")
                tryCompare(AppServices, "unlocked", true, 5000)
            }
            editor.visitId = checklist.visitId
            editor.checklistItemId = checklist.data(checklist.index(0, 0), ChecklistModel.ItemIdRole)
            editor.title = "公示栏照片"
            verify(!editor.isNew)
            findingId = editor.findingId
        }

        function test_noCameraSaysSoAndFileImportStillWorks() {
            const strip = createTemporaryObject(stripComponent, root, { recordId: findingId })
            verify(strip)
            const takeButton = findChild(strip, "takePhotoButton")
            verify(takeButton.enabled)
            const popup = findChild(strip, "cameraPopup")
            const loader = findChild(strip, "cameraLoader")
            compare(loader.status, Loader.Null) // not loaded until asked for

            mouseClick(takeButton)
            tryCompare(popup, "opened", true)
            tryCompare(loader, "status", Loader.Ready)
            const page = loader.item
            compare(page.recordId, findingId)
            if (page.hasCamera)
                skip("This machine has a camera; the no-camera path needs one without.")

            const empty = findChild(page, "noCameraState")
            verify(empty.visible)
            compare(findChild(page, "noCameraMessage").title, "No camera on this device")
            const capture = findChild(page, "captureButton")
            verify(!capture.enabled)
            compare(capture.text, "No camera")
            verify(findChild(page, "importInsteadButton").visible)

            // Closing the page unloads it; the strip's button now says there is no camera.
            page.closeRequested()
            tryCompare(popup, "visible", false)
            tryCompare(loader, "status", Loader.Null)
            verify(!takeButton.enabled)
            compare(takeButton.text, "No camera on this device")
            verify(findChild(strip, "addPhotoButton").enabled)

            // Import from a file is not affected.
            const before = photos.count
            const id = photos.importFile(Qt.resolvedUrl("../../data/photo_gps.jpg"))
            verify(id.length > 0, photos.errorString)
            compare(photos.count, before + 1)
            const list = findChild(strip, "photoStrip")
            tryCompare(list, "count", before + 1)
        }
    }
}
