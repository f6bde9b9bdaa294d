// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// CampusSummaryTable: one row per campus with its totals (CampusSummary): nodes up, instances
// running, CPU busy, memory used of total and storage pool space free. Filled from the
// controller's latest snapshots when asked to refresh.
// Thread: GUI.
// Owner: its parent widget (the details panel).
#pragma once

#include <QList>
#include <QTableWidget>

#include "core/campussummary.h"

namespace kumo {

class ClusterController;

class CampusSummaryTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column
    {
        CampusColumn,
        NodesColumn,
        RunningColumn,
        CpuColumn,
        MemoryColumn,
        PoolColumn,
        ColumnCount
    };

    explicit CampusSummaryTable(ClusterController* controller, QWidget* parent = nullptr);

    void refresh();
    [[nodiscard]] const QList<CampusSummary>& summaries() const { return m_summaries; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    ClusterController* m_controller;
    QList<CampusSummary> m_summaries;
};

} // namespace kumo
