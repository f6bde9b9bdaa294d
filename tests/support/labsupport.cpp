// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/labsupport.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QtGlobal>

#include "virt/directconnection.h"

namespace kumo {

Result<StartedLab> startLab(const QString& testName, const QString& kumoBinary)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("kumo-tests"));
    QCoreApplication::setApplicationName(testName);
    QSettings().clear();

    Lab::UpOptions options;
    options.kumoExecutable = kumoBinary;
    options.ownerPid = QCoreApplication::applicationPid();
    Result<LabInfo> lab = Lab::up(options);
    if (!lab.ok())
        return lab.error();
    Result<Inventory> inventory = Inventory::load(lab->inventoryPath);
    if (!inventory.ok()) {
        (void)Lab::down(lab->id);
        return inventory.error();
    }
    return StartedLab{lab.value(), inventory.value()};
}

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
