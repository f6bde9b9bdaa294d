// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How pre-flight verdicts look everywhere in the migration UI — map hints, the confirmation
// dialog, the node picker: a colour, a glyph and a painted icon per severity (shape differs, so
// colour is never the only cue), and the verdict of moving several instances to one node (the
// worst of theirs, with each reason naming its instance).
// Thread: GUI (icons need a QGuiApplication).
#pragma once

#include <QColor>
#include <QIcon>
#include <QString>
#include <QStringList>

#include "core/preflight.h"

namespace kumo {

class MigrationController;

[[nodiscard]] QColor checkSeverityColor(CheckSeverity severity);
// One character that reads without colour: ✓, ! or ✕.
[[nodiscard]] QString checkSeverityGlyph(CheckSeverity severity);
// Cached painted icons (16 and 32 px).
[[nodiscard]] QIcon checkSeverityIcon(CheckSeverity severity);
// Shown while the full check is still running.
[[nodiscard]] QIcon checkPendingIcon();

// The verdict for moving `uuids` to `node`, from the controller's best known checks.
struct DropVerdict
{
    CheckSeverity severity = CheckSeverity::Ok;
    QStringList reasons;  // warnings and refusals (refusals first), each one sentence
    bool complete = true; // false while some full check is still coming
    bool storageCopyNeeded = false;

    // A short line for a status bar or a card: the verdict word and the first reason.
    [[nodiscard]] QString summary() const;
};

[[nodiscard]] DropVerdict dropVerdict(const MigrationController* controller, const QStringList& uuids,
                                      const QString& node);

} // namespace kumo
