# Fails when a user-visible string has no translation: runs lupdate over the app's sources into
# a copy of each .ts file (the checked-in files are left alone) and looks for messages that
# lupdate marks unfinished, i.e. new or changed since the .ts was last translated.
# cmake -DLUPDATE=... -DSOURCES_FILE=... -DWORK_DIR=... -DTS_FILES=a.ts,b.ts -P this file
foreach(var LUPDATE SOURCES_FILE WORK_DIR TS_FILES)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check-translations: ${var} is not set")
    endif()
endforeach()

string(REPLACE "," ";" TS_FILES "${TS_FILES}")
file(STRINGS "${SOURCES_FILE}" sources)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(failed FALSE)
foreach(ts IN LISTS TS_FILES)
    get_filename_component(name "${ts}" NAME)
    set(copy "${WORK_DIR}/${name}")
    file(COPY_FILE "${ts}" "${copy}")
    execute_process(COMMAND "${LUPDATE}" -silent -no-obsolete -locations none ${sources} -ts "${copy}"
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}: ${out}${err}")
    endif()
    file(READ "${copy}" text)
    # One line per message lacking a translation, with the source text that precedes it.
    string(REGEX MATCHALL "<source>[^<]*</source>([^<]|<comment>[^<]*</comment>|<extracomment>[^<]*</extracomment>)*<translation type=\"unfinished\"" missing "${text}")
    list(LENGTH missing count)
    if(count GREATER 0)
        set(failed TRUE)
        message(SEND_ERROR "${name}: ${count} messages without a translation "
                           "(run the update_translations target, then translate them):")
        foreach(m IN LISTS missing)
            string(REGEX REPLACE "^<source>([^<]*)</source>.*" "\\1" source "${m}")
            message("  ${source}")
        endforeach()
    else()
        message(STATUS "${name}: every message translated")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "untranslated messages")
endif()
