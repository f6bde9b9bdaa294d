#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Kumo needs to build, test and run its demo lab on Debian 12, and creates the
# unprivileged user the demo lab's libvirt daemons run as when Kumo is started as root.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config binutils clang-format ccache
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev libgl-dev
  qtkeychain-qt6-dev libtomlplusplus-dev libvirt-dev
  # demo lab and integration tests: real libvirt daemons and QEMU guests
  libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients qemu-system-x86
  # the lab's certificates (certtool) and the password node's SASL database (saslpasswd2; the
  # SCRAM mechanism is in libsasl2-modules)
  gnutls-bin sasl2-bin libsasl2-modules
  # credentials tests and screenshots
  gnome-keyring dbus libsecret-1-0 fonts-noto-cjk xvfb xauth
  # qemu+ssh: libvirt runs the ssh client
  openssh-client
  # the fuzz targets (scripts/ci/fuzz.sh): clang with libFuzzer and the sanitizers
  clang
  # the Debian package (scripts/package.sh) and its checks (scripts/ci/package.sh)
  dpkg-dev lintian desktop-file-utils appstream groff-base
)

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# As root the lab cannot run several session-mode libvirtd: they run as this user instead.
if ! getent passwd kumo-lab >/dev/null; then
  $sudo useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin kumo-lab
fi
