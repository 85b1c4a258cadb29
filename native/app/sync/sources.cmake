# native/app/sync — the engine's thread (SyncThread, which announces pulled records to the UI's
# Store), sync as the UI sees it (SyncStatus, its failure texts and the pending-photo count) and
# conflicts (ConflictListModel).
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/conflictlistmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/conflictlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/pendingphotos.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pendingphotos.h
    ${CMAKE_CURRENT_LIST_DIR}/syncfailuretext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/syncstatus.cpp
    ${CMAKE_CURRENT_LIST_DIR}/syncstatus.h
    ${CMAKE_CURRENT_LIST_DIR}/syncthread.cpp
    ${CMAKE_CURRENT_LIST_DIR}/syncthread.h
)
