// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/clusterselection.h"

namespace kumo {

void ClusterSelection::selectNodes(const QStringList& names)
{
    set(names.isEmpty() ? Kind::None : Kind::Nodes, names);
}

void ClusterSelection::selectInstances(const QStringList& uuids)
{
    set(uuids.isEmpty() ? Kind::None : Kind::Instances, uuids);
}

void ClusterSelection::clear()
{
    set(Kind::None, {});
}

void ClusterSelection::forget(const QString& key)
{
    if (!m_keys.contains(key))
        return;
    QStringList keys = m_keys;
    keys.removeAll(key);
    set(keys.isEmpty() ? Kind::None : m_kind, keys);
}

void ClusterSelection::set(Kind kind, const QStringList& keys)
{
    if (kind == m_kind && keys == m_keys)
        return;
    m_kind = kind;
    m_keys = keys;
    Q_EMIT changed();
}

} // namespace kumo
