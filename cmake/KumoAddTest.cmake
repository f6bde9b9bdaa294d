# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# kumo_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [TIMEOUT s] [GUI] [KEYCHAIN] [KEYCHAIN_ONLY]
#               [SESSION_BUS])
# One Qt Test executable per class under test, registered with ctest.
# KEYCHAIN: the test runs against a private, unlocked gnome-keyring (tests/support/keychain-session.sh),
# and again as <name>_nokeychain (a session bus without a Secret Service) and <name>_nobus (no bus).
# KEYCHAIN_ONLY: only against the unlocked keyring (a test whose subject is not the keychain's absence).
# SESSION_BUS: the test runs on a private D-Bus session bus of its own (dbus-run-session), never the user's.
function(kumo_add_test name)
  cmake_parse_arguments(ARG "GUI;KEYCHAIN;KEYCHAIN_ONLY;SESSION_BUS" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_property(GLOBAL APPEND PROPERTY KUMO_TEST_TARGETS ${name})
  target_link_libraries(${name} PRIVATE Qt6::Test kumo_warnings ${ARG_LIBS})
  set(tests ${name})
  if(ARG_KEYCHAIN)
    set(session ${PROJECT_SOURCE_DIR}/tests/support/keychain-session.sh)
    add_test(NAME ${name} COMMAND ${session} unlocked $<TARGET_FILE:${name}>)
    add_test(NAME ${name}_nokeychain COMMAND ${session} none $<TARGET_FILE:${name}>)
    add_test(NAME ${name}_nobus COMMAND ${session} nobus $<TARGET_FILE:${name}>)
    list(APPEND tests ${name}_nokeychain ${name}_nobus)
  elseif(ARG_KEYCHAIN_ONLY)
    add_test(NAME ${name} COMMAND ${PROJECT_SOURCE_DIR}/tests/support/keychain-session.sh unlocked
                                  $<TARGET_FILE:${name}>)
  elseif(ARG_SESSION_BUS)
    add_test(NAME ${name} COMMAND dbus-run-session -- $<TARGET_FILE:${name}>)
  else()
    add_test(NAME ${name} COMMAND ${name})
  endif()
  set(env "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;QT_LOGGING_RULES=qt.qpa.*=false" ${KUMO_SANITIZER_ENV})
  set_tests_properties(${tests} PROPERTIES ENVIRONMENT "${env}")
  if(ARG_TIMEOUT)
    set_tests_properties(${tests} PROPERTIES TIMEOUT ${ARG_TIMEOUT})
  else()
    set_tests_properties(${tests} PROPERTIES TIMEOUT 120)
  endif()
  if(ARG_LABELS)
    set_tests_properties(${tests} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
  if("lab" IN_LIST ARG_LABELS)
    # Real daemons and QEMU guests: alone, so that a parallel ctest neither starves nor disturbs them.
    set_tests_properties(${tests} PROPERTIES RUN_SERIAL TRUE)
  endif()
endfunction()
