# native/app/startup — How the app starts: command-line options, the self-test, and the page tour
# that takes screenshots and measures the first frame.
# Listed here, next to the code; qml/CMakeLists.txt compiles every feature into the FieldLedger module.
list(APPEND app_sources
    ${CMAKE_CURRENT_LIST_DIR}/firstframeprobe.cpp
    ${CMAKE_CURRENT_LIST_DIR}/firstframeprobe.h
    ${CMAKE_CURRENT_LIST_DIR}/pagetour.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pagetour.h
    ${CMAKE_CURRENT_LIST_DIR}/startup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/startup.h
)
