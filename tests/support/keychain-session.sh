#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a test against a real keychain of its own, never the user's:
#   keychain-session.sh unlocked CMD...  a private D-Bus session with gnome-keyring's Secret Service,
#                                        unlocked with a password made up for this run
#   keychain-session.sh none CMD...      a private D-Bus session where no Secret Service exists
#   keychain-session.sh nobus CMD...     no session bus at all
# HOME and the XDG directories point into a temporary directory removed afterwards. The test reads
# which world it is in from KUMO_TEST_KEYCHAIN.
set -euo pipefail

mode=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp/home XDG_RUNTIME_DIR=$tmp/run XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config \
  XDG_CACHE_HOME=$tmp/cache
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"
export KUMO_TEST_KEYCHAIN=$mode
unset DISPLAY WAYLAND_DISPLAY

case "$mode" in
unlocked)
  KUMO_TEST_KEYRING_PASSWORD=$(head -c 18 /dev/urandom | base64)
  export KUMO_TEST_KEYRING_PASSWORD
  # gnome-keyring-daemon prints the variables of the daemon it started; it ends with the bus.
  dbus-run-session -- bash -c \
    'eval "$(printf %s "$KUMO_TEST_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)"
     unset KUMO_TEST_KEYRING_PASSWORD
     exec "$@"' _ "$@"
  ;;
none)
  # A bus with no service files: nothing provides org.freedesktop.secrets.
  cat >"$tmp/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$tmp</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/>
  </policy>
</busconfig>
CONF
  dbus-run-session --config-file="$tmp/bus.conf" -- "$@"
  ;;
nobus)
  env -u DBUS_SESSION_BUS_ADDRESS "$@"
  ;;
*)
  echo "unknown mode: $mode" >&2
  exit 2
  ;;
esac
