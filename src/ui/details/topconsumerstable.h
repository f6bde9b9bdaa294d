// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// TopConsumersTable: the running instances of one node with what each uses now (CPU, memory, disk
// and network I/O), heaviest CPU user first; a click on a heading sorts by that figure instead. It
// reads the controller's latest snapshots when asked to refresh (the details panel does so on its
// chart timer), never libvirt.
// Thread: GUI.
// Owner: its parent widget (the details panel).
#pragma once

#include <QTableWidget>

namespace kumo {

class ClusterController;

class TopConsumersTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column
    {
        InstanceColumn,
        CpuColumn,
        MemoryColumn,
        DiskColumn,
        NetworkColumn,
        ColumnCount
    };

    explicit TopConsumersTable(ClusterController* controller, QWidget* parent = nullptr);

    // The node whose instances are listed; empty clears the table.
    void setNode(const QString& node);
    [[nodiscard]] QString node() const { return m_node; }
    void refresh();
    // The instance names as listed now, top first.
    [[nodiscard]] QStringList shownNames() const;

Q_SIGNALS:
    // A row was double-clicked.
    void instanceActivated(const QString& uuid);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    ClusterController* m_controller;
    QString m_node;
};

} // namespace kumo
