// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageRunModel: the moves of an outage run, one row per instance (instance, from, to, status,
// progress, duration, downtime, service after the move, error), fed with the run as the Evacuation reports
// it. Only the rows whose record changed emit dataChanged; tick() refreshes the running rows' durations.
// Thread: GUI.
// Owner: OutagePanel (or a test).
#pragma once

#include <QHash>

#include "core/outagestate.h"
#include "ui/models/keyedtablemodel.h"

namespace kumo {

class OutageRunModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Instance,
        From,
        To,
        Status,
        Progress,
        Duration,
        Downtime,
        ServiceAfter, // "answered", "no answer", "–" without probes; the service gap in the tooltip
        Error,
        Count
    };

    explicit OutageRunModel(QObject* parent = nullptr);

    void setRun(const OutageRun& run);
    [[nodiscard]] const OutageRun& run() const { return m_run; }
    // The running moves' progress and duration move on with the clock.
    void tick();

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    void retranslate();
    [[nodiscard]] const MoveRecord* recordAt(int row) const;

    OutageRun m_run;
    QHash<QString, int> m_index; // uuid -> record index
};

} // namespace kumo
