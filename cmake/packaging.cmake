# Installation of the platform files and the Debian packages (cpack -G DEB in the build
# folder): fieldledger (the tablet app with its desktop entry, AppStream metainfo and icon),
# fieldledger-cli and fieldledger-server, one .deb each. Each target's install() names its
# component (app, cli, server).
include(GNUInstallDirs)

if(CMAKE_SYSTEM_NAME STREQUAL "Linux")
    set(linux_dir ${PROJECT_SOURCE_DIR}/platforms/linux)
    install(FILES ${linux_dir}/fieldledger.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications COMPONENT app)
    install(FILES ${linux_dir}/org.fieldledger.FieldLedger.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo COMPONENT app)
    install(FILES ${linux_dir}/fieldledger.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT app)
endif()

set(CPACK_PACKAGE_NAME fieldledger)
set(CPACK_PACKAGE_VENDOR "FieldLedger")
set(CPACK_PACKAGE_CONTACT "FieldLedger maintainers <maintainers@fieldledger.example.org>")
# Debian descriptions: the project's description as the synopsis, then the component's.
set(CPACK_PACKAGE_HOMEPAGE_URL "https://fieldledger.example.org/")
set(CPACK_PACKAGE_INSTALL_DIRECTORY FieldLedger)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL app cli server)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# Shared libraries by dpkg-shlibdeps; what the app loads at run time (QML modules, the
# platform plugins, Qt SQL drivers) is listed by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)

set(CPACK_DEBIAN_APP_PACKAGE_NAME fieldledger)
set(CPACK_COMPONENT_APP_DESCRIPTION
    "The tablet app (督查台账) for party-building inspection teams: visits, findings\n\
with deductions and photos, scores and the rectification ledger, encrypted under a\n\
passphrase and synced with the inspection office's server.")
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS
    "qml6-module-qtqml, qml6-module-qtquick, qml6-module-qtquick-controls, \
qml6-module-qtquick-templates, qml6-module-qtquick-window, qml6-module-qtquick-layouts, \
qml6-module-qtqml-models, qml6-module-qtqml-workerscript, qml6-module-qtquick-dialogs, \
qt6-qpa-plugins")
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "fonts-noto-cjk")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME fieldledger-cli)
set(CPACK_COMPONENT_CLI_DESCRIPTION
    "The command-line client over the same encrypted store: scripting, the inspection\n\
office's console, exports.")

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME fieldledger-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
set(CPACK_COMPONENT_SERVER_DESCRIPTION
    "The inspection office's sync server (SQLite or PostgreSQL), with its admin commands.")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")

include(CPack)
