// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// InstanceTableModel: one row per instance (libvirt domain, keyed by UUID) as the
// ClusterController shows it, fed only by the controller's fine-grained signals. Instances added
// in one batch (the controller's instancesSettled closes it) are appended as one block of rows;
// removing removes one, a change or a move emits one dataChanged for that row; the model is never
// reset on refresh. Rows are keyed by UUID (KeyedTableModel's hash), so a change costs O(1).
//
// Uptime: libvirt has no uptime call, so the model remembers when it saw an instance become
// active. An instance already active when first seen shows "≥ time since first seen".
// Thread: GUI.
// Owner: whoever creates it (normally MainWindow); the controller must outlive it.
#pragma once

#include <array>

#include <QElapsedTimer>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include "core/snapshot.h"
#include "ui/models/keyedtablemodel.h"

namespace kumo {

class ClusterController;
class ServiceProber;

class InstanceTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    // Columns are only ever appended, so saved header states (QSettings) stay valid.
    enum class Column
    {
        Name,
        State, // text, icon and (for alarming states) colour
        Node,  // inventory node the instance is shown on
        Site,  // display name of the node's site in the UI language
        Vcpus,
        Memory,  // current memory
        Cpu,     // guest CPU % across its vCPUs
        Uptime,  // since the console saw it become active; "≥" when it already was
        Service, // its service probes: the worst result ("up 3 ms", "down: refused"); empty without probes
    };
    static constexpr int ColumnCount = int(Column::Service) + 1;
    // How often the Uptime column is refreshed; its text is coarse (minutes).
    static constexpr int UptimeRefreshMs = 60'000;

    explicit InstanceTableModel(ClusterController* controller, QObject* parent = nullptr);
    ~InstanceTableModel() override;

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    // Rows are drag sources for migration: the payload is an InstanceDrag of the rows' UUIDs.
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex& index) const override;
    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] QMimeData* mimeData(const QModelIndexList& indexes) const override;
    [[nodiscard]] Qt::DropActions supportedDragActions() const override;

    // For views that follow the shared selection (rowOf and keyAt come from the base).
    [[nodiscard]] QModelIndex indexOf(const QString& uuid, Column column = Column::Name) const
    {
        return indexOfKey(uuid, int(column));
    }
    // The Service column follows the prober's results (none: the column stays empty).
    void setServiceProber(ServiceProber* prober);

    // Seconds the instance has been up as far as the console knows; -1 when it is not active.
    // `exact` is false when it was already active when the console first saw it.
    [[nodiscard]] qint64 uptimeSeconds(int row, bool* exact = nullptr) const;

public Q_SLOTS:
    // Re-reads every translated text (headers, states, site names) now. The model also does it
    // by itself, queued once per language switch, on the application's QEvent::LanguageChange.
    void retranslate();
    // Emits one dataChanged spanning the Uptime column of all rows. Runs on a 60 s timer.
    void refreshUptime();

private:
    struct Row
    {
        InstanceSnapshot snapshot;
        qint64 upSinceMs = -1; // on m_clock; -1 while not active
        bool upSinceExact = false;
    };

    void onInstanceAdded(const QString& uuid);
    // Appends the instances added since the last call as one block of rows, in the order they
    // came, each as the controller shows it now (skipping any that left again meanwhile).
    void insertAddedRows();
    void onInstanceChanged(const QString& uuid);
    void onInstanceMoved(const QString& uuid);
    void onInstanceRemoved(const QString& uuid);
    void onInventoryChanged();
    void rebuildSiteNames();
    // Appends a row's data; the base holds its key (call inside appendRows).
    void appendRowData(const InstanceSnapshot& snapshot);
    // Applies a new snapshot to a row and emits one dataChanged over the columns that changed.
    void update(int row, const InstanceSnapshot& snapshot);
    [[nodiscard]] QString siteNameOf(const QString& node) const;
    [[nodiscard]] QString siteIdOf(const QString& node) const;
    [[nodiscard]] QVariant displayData(const Row& row, Column column) const;
    [[nodiscard]] QVariant sortData(const Row& row, Column column) const;
    [[nodiscard]] QVariant filterData(const Row& row, Column column) const;
    [[nodiscard]] QString toolTip(const Row& row, Column column) const;
    [[nodiscard]] qint64 uptimeOf(const Row& row) const;
    [[nodiscard]] const QIcon& stateIcon(InstanceState state) const;
    void onServiceResult(const QString& uuid);
    void onServiceTargetsChanged();

    QPointer<ClusterController> m_controller;
    QPointer<ServiceProber> m_prober;
    QList<Row> m_rows; // in the base's row order
    // Added by the controller, not rows yet: inserted together at the end of the batch. The
    // timer is the fallback for a batch that ends without instancesSettled.
    QList<QString> m_added;
    QSet<QString> m_addedSet;
    QTimer m_addedTimer;
    // Node name -> site id and site display name, so data() never scans the inventory.
    QHash<QString, QString> m_siteIdOfNode;
    QHash<QString, QString> m_siteNameOfNode;
    QElapsedTimer m_clock;
    QTimer m_uptimeTimer;
    mutable std::array<QIcon, 8> m_icons; // painted on first use, per InstanceState
};

} // namespace kumo
