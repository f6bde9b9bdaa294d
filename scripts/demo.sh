#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs dependencies, builds and opens the console on a demo lab of real libvirt daemons.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec build/src/kumo --demo "$@"
