#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# CI's package check, as root: builds the .deb, installs it with apt-get as a person would, runs the
# installed kumo (--version, --help in both languages, a headless demo lab up/status/down, the menu
# entry's command on an offscreen window that quits after its first frame), validates the desktop
# entry, the AppStream metainfo, the man pages and the completion, runs lintian (no errors; its
# warnings are printed), then purges the package and checks that nothing of it is left.
# It removes the kumo-lab user on purge; when that user existed before, it is made again at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" -ne 0 ]; then
  echo "package.sh: run as root (it installs and removes the package)" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
step() { echo "--- package: $*"; }

scripts/package.sh
deb=$(ls "$PWD"/build-package/kumo_*_amd64.deb)
version=$(dpkg-deb -f "$deb" Version)
project_version=$(sed -n 's/^project(kumo VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
[ "$version" = "$project_version" ] || { echo "package version $version is not project() $project_version" >&2; exit 1; }
step "$(basename "$deb"): $(du -k "$deb" | cut -f1) KiB, installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"
step "Depends: $(dpkg-deb -f "$deb" Depends)"
step "Recommends: $(dpkg-deb -f "$deb" Recommends)"

step "lintian"
lintian --fail-on error --display-info --tag-display-limit 0 "$deb" | tee build-package/lintian.txt
step "lintian: $(grep -c '^E:' build-package/lintian.txt || true) errors, $(grep -c '^W:' build-package/lintian.txt || true) warnings"

had_lab_user=0
if getent passwd kumo-lab >/dev/null; then
  had_lab_user=1
  userdel kumo-lab
  getent group kumo-lab >/dev/null && groupdel kumo-lab
fi
restore_lab_user() {
  if [ $had_lab_user -eq 1 ] && ! getent passwd kumo-lab >/dev/null; then
    useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin kumo-lab
  fi
}
trap restore_lab_user EXIT

step "apt-get install ./$(basename "$deb")"
# The path, not the name: apt installs the file with the dependencies it asks for.
apt-get install -y -q --no-install-recommends "$deb"
getent passwd kumo-lab >/dev/null || { echo "postinst did not create kumo-lab" >&2; exit 1; }
installed=/usr/bin/kumo
[ "$(command -v kumo)" = "$installed" ]

step "kumo --version"
"$installed" --version | tee build-package/version.txt
[ "$(head -1 build-package/version.txt)" = "kumo $version" ]
grep -q "^libvirt [0-9]" build-package/version.txt
step "kumo --help (en, ja) and each subcommand's"
"$installed" --lang en --help | grep -q -- "--demo"
"$installed" --lang ja --help | grep -q "このヘルプを表示して終了します"
"$installed" --lang ja lab --help | grep -q "デモ環境"
for sub in plan evacuate return; do
  "$installed" --lang en "$sub" --help | grep -q -- "--site"
  "$installed" --lang ja "$sub" --help | grep -q "このヘルプを表示して終了します"
done

step "headless demo lab from the installed binary"
home=$(mktemp -d)
up=$(HOME="$home" timeout 300 "$installed" --lang en lab up)
echo "$up"
lab=$(echo "$up" | sed -n 's/^Lab: //p' | head -1)
[ -n "$lab" ]
HOME="$home" timeout 120 "$installed" --lang en lab status | tee build-package/lab-status.txt
grep -q "^Lab: $lab" build-package/lab-status.txt
[ "$(grep -c "Instance: .*Running" build-package/lab-status.txt)" -ge 8 ]
HOME="$home" timeout 120 "$installed" --lang en lab down "$lab"
HOME="$home" timeout 60 "$installed" --lang en lab status | grep -q "No lab is running"

step "the menu entry's command"
desktop=/usr/share/applications/io.github.kumo.Kumo.desktop
desktop-file-validate "$desktop"
command_line=$(sed -n 's/^Exec=//p' "$desktop" | head -1)
[ "$command_line" = "kumo" ]
HOME="$home" QT_QPA_PLATFORM=offscreen timeout 60 $command_line --quit-after-first-frame | grep -q "first frame"
rm -rf "$home"

step "AppStream, man pages, completion"
appstreamcli validate --no-net --explain /usr/share/metainfo/io.github.kumo.Kumo.metainfo.xml
grep -q "<release version=\"$version\"" /usr/share/metainfo/io.github.kumo.Kumo.metainfo.xml
# As man-db formats them: the Japanese page through preconv (-k) with groff's Japanese macros.
zcat /usr/share/man/man1/kumo.1.gz | groff -man -Tutf8 -ww -z 2>&1 | tee build-package/groff.txt
[ ! -s build-package/groff.txt ]
zcat /usr/share/man/ja/man1/kumo.1.gz | groff -k -mja -man -Tutf8 -ww -z 2>&1 | tee build-package/groff.txt
[ ! -s build-package/groff.txt ]
bash -n /usr/share/bash-completion/completions/kumo
[ -s /usr/share/icons/hicolor/scalable/apps/io.github.kumo.Kumo.svg ]

step "purge"
mapfile -t files < <(dpkg -L kumo | while read -r f; do [ -f "$f" ] && echo "$f"; done)
apt-get purge -y -q kumo
left=()
for f in "${files[@]}"; do
  [ -e "$f" ] && left+=("$f")
done
if [ ${#left[@]} -gt 0 ]; then
  echo "left behind after purge: ${left[*]}" >&2
  exit 1
fi
if getent passwd kumo-lab >/dev/null || getent group kumo-lab >/dev/null; then
  echo "left behind after purge: the kumo-lab user or group" >&2
  exit 1
fi
[ ! -e /usr/share/doc/kumo ] || { echo "left behind after purge: /usr/share/doc/kumo" >&2; exit 1; }
step "installed, ran and removed: nothing left (${#files[@]} files)"
