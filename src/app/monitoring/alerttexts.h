// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// AlertTexts: the words a person reads about an alert — its severity, its kind and one sentence
// naming what it is about — the same in the Alerts dock, the map's badges, desktop notifications
// and the event log.
// Thread: any (translation only).
#pragma once

#include <QCoreApplication>
#include <QString>

#include "core/alerts.h"

namespace kumo {

class AlertTexts
{
    Q_DECLARE_TR_FUNCTIONS(kumo::AlertTexts)

public:
    [[nodiscard]] static QString severityText(AlertSeverity severity);
    [[nodiscard]] static QString kindText(AlertKind kind);
    // "myodaiji-01 cannot be reached", "web1 crashed: <libvirt's reason>".
    [[nodiscard]] static QString describe(const Alert& alert);
    // The instance's name, else the node.
    [[nodiscard]] static QString subjectText(const Alert& alert);
    // "Acknowledged", "Silenced (campus in maintenance)", or empty.
    [[nodiscard]] static QString stateText(const Alert& alert);
};

} // namespace kumo
