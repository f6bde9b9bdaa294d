// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/testinventory.h"

namespace kumo {

Inventory twoNodeInventory()
{
    Inventory inventory;
    inventory.sites = {Site{QStringLiteral("a"), QStringLiteral("A"), {}, {}, {}},
                       Site{QStringLiteral("b"), QStringLiteral("B"), {}, {}, {}}};
    NodeConfig n1;
    n1.name = QStringLiteral("n1");
    n1.site = QStringLiteral("a");
    n1.uri = QStringLiteral("test:///default");
    NodeConfig n2 = n1;
    n2.name = QStringLiteral("n2");
    n2.site = QStringLiteral("b");
    inventory.nodes = {n1, n2};
    return inventory;
}

Inventory twoCampusInventory(int nodesPerCampus)
{
    Inventory inventory;
    inventory.sites = {
        Site{QStringLiteral("myodaiji"), QStringLiteral("Myodaiji"), QStringLiteral("明大寺地区"), {}, {}},
        Site{QStringLiteral("yamate"), QStringLiteral("Yamate"), QStringLiteral("山手地区"), {}, {}}};
    for (const Site& site : std::as_const(inventory.sites)) {
        for (int n = 1; n <= nodesPerCampus; ++n) {
            NodeConfig node;
            node.name = QStringLiteral("%1-%2").arg(site.id).arg(n, 2, 10, QLatin1Char('0'));
            node.site = site.id;
            node.uri = QStringLiteral("test:///default");
            inventory.nodes.append(node);
        }
    }
    return inventory;
}

InstanceSnapshot testInstance(const QString& uuid, const QString& name, const QString& node,
                              InstanceState state, quint64 memoryKiB)
{
    InstanceSnapshot instance;
    instance.uuid = uuid;
    instance.name = name;
    instance.node = node;
    instance.state = state;
    instance.vcpus = 1;
    instance.memoryKiB = memoryKiB;
    instance.maxMemoryKiB = memoryKiB;
    return instance;
}

} // namespace kumo
