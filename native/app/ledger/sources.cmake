# native/app/ledger — The ledger and verification (验收): the paged ledger model, a finding's
# history, and FindingLifecycle, the one app-side home of status transitions and verification
# (rules in native/domain/lifecycle, recording in native/store/verification.cpp, dialog in
# qml/ledger/TransitionDialog.qml).
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/findinghistorymodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/findinghistorymodel.h
    ${CMAKE_CURRENT_LIST_DIR}/findinglifecycle.cpp
    ${CMAKE_CURRENT_LIST_DIR}/findinglifecycle.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgerexport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgerloading.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgermodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgermodel.h
    ${CMAKE_CURRENT_LIST_DIR}/ledgerrows.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ledgerupdates.cpp
)
