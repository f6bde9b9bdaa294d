// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labsupport.h"

#include <QtGlobal>

#include "directconnection.h"

namespace kumo {

QString domainStateOn(const QString& uri, const QString& name)
{
    const Result<DirectConnection> connection = DirectConnection::open(uri);
    if (!connection.ok()) {
        qWarning("cannot open %s: %s", qPrintable(uri), qPrintable(connection.error().toString()));
        return QStringLiteral("<unreachable>");
    }
    const Result<QList<DirectConnection::Domain>> domains = connection->domains();
    if (!domains.ok())
        return QStringLiteral("<unreadable>");
    for (const DirectConnection::Domain& domain : domains.value()) {
        if (domain.name == name)
            return domain.state;
    }
    return {};
}

} // namespace kumo
