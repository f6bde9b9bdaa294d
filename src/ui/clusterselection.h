// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ClusterSelection: what the person has selected — some nodes or some instances — shared by the
// map, the tables and the details panel, so that selecting in one shows in all. Views write it
// when the user selects and follow it when it changes; changed() fires only on a real change,
// so views that follow it do not echo back and forth.
// Thread: GUI.
// Owner: MainWindow.
#pragma once

#include <QObject>
#include <QStringList>

namespace kumo {

class ClusterSelection : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        None,
        Nodes,
        Instances
    };

    using QObject::QObject;

    [[nodiscard]] Kind kind() const { return m_kind; }
    // Node names or instance UUIDs, in the order they were selected.
    [[nodiscard]] QStringList keys() const { return m_keys; }
    // The one the details panel shows: the last selected, or empty.
    [[nodiscard]] QString current() const { return m_keys.isEmpty() ? QString() : m_keys.constLast(); }
    [[nodiscard]] bool contains(const QString& key) const { return m_keys.contains(key); }

public Q_SLOTS:
    void selectNodes(const QStringList& names);
    void selectInstances(const QStringList& uuids);
    void clear();
    // Drops keys that no longer exist (a removed node or instance).
    void forget(const QString& key);

Q_SIGNALS:
    void changed();

private:
    void set(Kind kind, const QStringList& keys);

    Kind m_kind = Kind::None;
    QStringList m_keys;
};

} // namespace kumo
