# native/app/visit — One visit: its summary, checklist, findings, interviews and running score.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/checklistmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/checklistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/findinglistmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/findinglistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/interviewlistmodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/interviewlistmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/scoremodel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scoremodel.h
    ${CMAKE_CURRENT_LIST_DIR}/visitsummary.cpp
    ${CMAKE_CURRENT_LIST_DIR}/visitsummary.h
)
