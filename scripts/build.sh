#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Kumo contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Configures and builds Kumo into ./build (Release with debug info, warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"
