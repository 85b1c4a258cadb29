# native/app/common — Shared by every feature: the services singleton (AppServices), the
# background reader, the list-model base, display labels, autosave and row-sync helpers.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/appservices.cpp
    ${CMAKE_CURRENT_LIST_DIR}/appservices.h
    ${CMAKE_CURRENT_LIST_DIR}/autosave.h
    ${CMAKE_CURRENT_LIST_DIR}/backgroundreader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/backgroundreader.h
    ${CMAKE_CURRENT_LIST_DIR}/labels.cpp
    ${CMAKE_CURRENT_LIST_DIR}/labels.h
    ${CMAKE_CURRENT_LIST_DIR}/rowsync.h
    ${CMAKE_CURRENT_LIST_DIR}/servicelistmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/servicelistmodel.h
)
