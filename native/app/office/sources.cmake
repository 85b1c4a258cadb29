# native/app/office — The office console: dashboard figures, planning (rounds, checklist, units,
# visits, enrolment codes) and report export.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/dashboardmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dashboardmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/officeplanning.cpp
    ${CMAKE_CURRENT_LIST_DIR}/officeplanning.h
    ${CMAKE_CURRENT_LIST_DIR}/officeplanningserver.cpp
    ${CMAKE_CURRENT_LIST_DIR}/reportexport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/reportexport.h
)
