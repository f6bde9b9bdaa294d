// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// JobsModel: one row per migration job the MigrationQueue has seen, in the order they came,
// fed only by the queue's signals; a row is found by the move's id. A progress report emits
// dataChanged for the cells it changed (none: no signal); the model is never reset. Finished
// jobs stay, with their outcome in words (time, data moved and the downtime libvirt measured;
// libvirt's reason for a failure; where a cancelled instance still runs), until clearFinished().
// Progress that goes backwards is shown as it is, with a note.
// Rows are keyed by the job id in decimal (KeyedTableModel), so finding a job costs O(1).
// Thread: GUI.
// Owner: JobsPanel; the queue must outlive it.
#pragma once

#include <optional>

#include <QList>
#include <QPointer>

#include "core/migration.h"
#include "ui/modelroles.h"
#include "ui/models/keyedtablemodel.h"

namespace kumo {

class MigrationQueue;
class ServiceProber;

class JobsModel : public KeyedTableModel
{
    Q_OBJECT

public:
    enum class Column
    {
        Instance,
        Route, // source → destination
        Phase,
        Progress, // painted as a bar by the panel's delegate
        Data,     // processed / remaining / total
        Rate,
        DirtyRate,
        Iteration,
        Elapsed,
        Eta,
        Outcome,    // notes while running, the result once finished
        ServiceGap, // the longest stretch without a service answer (with service probes)
    };
    static constexpr int ColumnCount = int(Column::ServiceGap) + 1;
    // The roles of modelroles.h; the job id (quint64) is the row's key.
    static constexpr int JobIdRole = KeyRole;
    static constexpr int PercentRole = kumo::PercentRole; // int 0-100, -1 unknown
    static constexpr int PhaseRole = kumo::PhaseRole;     // int(MigrationPhase)

    explicit JobsModel(MigrationQueue* queue, QObject* parent = nullptr);
    ~JobsModel() override;

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    [[nodiscard]] int rowOf(quint64 id) const;
    [[nodiscard]] quint64 jobAt(int row) const;
    [[nodiscard]] MigrationPhase phase(quint64 id) const;
    [[nodiscard]] bool isFinished(quint64 id) const;
    [[nodiscard]] MigrationRequest request(quint64 id) const;
    [[nodiscard]] std::optional<MigrationResult> result(quint64 id) const;
    [[nodiscard]] MigrationProgress progress(quint64 id) const;
    // The texts a person reads, for the panel's tooltips and for tests.
    [[nodiscard]] QString outcomeText(quint64 id) const;

    // The Service gap column shows what the prober measured of each move.
    void setServiceProber(ServiceProber* prober);

    // Remembers tuning the panel applied, so that the next dialog starts from it.
    void noteBandwidth(quint64 id, quint64 mebibytesPerSecond);
    void noteMaxDowntime(quint64 id, qint64 milliseconds);

public Q_SLOTS:
    // Removes the rows of completed, failed and cancelled jobs.
    void clearFinished();
    void retranslate();

private:
    struct Job
    {
        MigrationRequest request;
        MigrationProgress progress;
        std::optional<MigrationResult> result;
        bool grew = false; // remaining data grew at some point during the current pass
    };

    void onQueued(const MigrationRequest& request);
    void onStarted(quint64 id);
    void onProgress(const MigrationProgress& progress);
    void onFinished(const MigrationRequest& request, const MigrationResult& result);
    void appendJob(const MigrationRequest& request);
    // Emits dataChanged for the cells of `row` that differ from how `before` showed them.
    void rowChanged(int row, const Job& before);
    [[nodiscard]] QVariant value(const Job& job, Column column, int role) const;
    [[nodiscard]] QVariant display(const Job& job, Column column) const;
    [[nodiscard]] QString toolTip(const Job& job, Column column) const;
    [[nodiscard]] QString outcome(const Job& job) const;
    [[nodiscard]] QString serviceGapText(const Job& job) const;

    QPointer<MigrationQueue> m_queue;
    QPointer<ServiceProber> m_prober;
    QList<Job> m_jobs; // in the base's row order
};

} // namespace kumo
