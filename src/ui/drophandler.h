// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// DropHandler: where the map sends instance drags dropped on node cards. The map asks for a
// verdict per card to paint its hints, says when a drag begins and ends (a handler may fetch
// fresh checks meanwhile and emit verdictsChanged when better answers arrive), and hands a drop
// over to drop(). The main window's map uses the migration UI (a drop migrates); the outage
// wizard's plan map uses the plan editor (a drop changes a plan's target). It lives at the top of
// src/ui so that the map and the features that handle drops need not include each other.
// Thread: GUI.
// Owner: the implementation's owner; the map only keeps a guarded pointer.
#pragma once

#include <QObject>
#include <QStringList>

#include "ui/checkpresentation.h"

namespace kumo {

class DropHandler : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~DropHandler() override;

    // What dropping the instances on `node` would do, for the cards' hints.
    [[nodiscard]] virtual DropVerdict verdict(const QStringList& uuids, const QString& node) const = 0;
    // Does it; false when it refused (the map then shows the verdict's first reason).
    virtual bool drop(const QStringList& uuids, const QString& node) = 0;
    // A drag of these instances entered the map, and ended. Nothing to do by default.
    virtual void beginDrag(const QStringList& uuids);
    virtual void endDrag();

Q_SIGNALS:
    // Better answers arrived during a drag: the hints should be read again.
    void verdictsChanged();
};

} // namespace kumo
