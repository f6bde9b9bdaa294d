// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// NodeTableModel: one row per inventory node, fed only by the ClusterController's fine-grained
// signals. A node change updates one row with one dataChanged; membership changes insert or
// remove rows; the model is never reset while the console runs. Rows are keyed by node name
// (KeyedTableModel's hash), so every update costs O(1) apart from removals (which shift later rows).
// Thread: GUI.
// Owner: whoever creates it (normally MainWindow); the controller must outlive it.
#pragma once

#include <array>

#include <QHash>
#include <QIcon>
#include <QList>
#include <QPointer>

#include "core/inventory.h"
#include "core/snapshot.h"
#include "ui/models/keyedtablemodel.h"
#include "ui/models/stateicons.h"

namespace kumo {

class ClusterController;

class NodeTableModel : public KeyedTableModel
{
    Q_OBJECT

public:
    // Why the node carries the warning badge (ConnectionSecurity::insecureAllowed), one sentence.
    [[nodiscard]] static QString insecureText(const NodeConfig& config);
    // Columns are only ever appended, so saved header states (QSettings) stay valid.
    enum class Column
    {
        Name,
        Site,      // site display name in the UI language
        State,     // connected / unreachable / maintenance / connecting: text, icon and colour
        Cpu,       // host CPU busy %
        Memory,    // used / total
        Instances, // domains defined on the node
        Uri,
    };
    static constexpr int ColumnCount = int(Column::Uri) + 1;

    explicit NodeTableModel(ClusterController* controller, QObject* parent = nullptr);
    ~NodeTableModel() override;

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

    // For views that follow the shared selection (rowOf and keyAt come from the base).
    [[nodiscard]] QModelIndex indexOf(const QString& node, Column column = Column::Name) const
    {
        return indexOfKey(node, int(column));
    }
    [[nodiscard]] NodeDisplayState displayStateAt(int row) const;

public Q_SLOTS:
    // Re-reads every translated text (headers, states, site names) now. The model also does it
    // by itself, queued once per language switch, on the application's QEvent::LanguageChange.
    void retranslate();

private:
    struct Row
    {
        NodeSnapshot snapshot;
        NodeConfig config;
        QString siteName; // display name in the current language
    };

    void onNodeAdded(const QString& node);
    void onNodeChanged(const QString& node);
    void onNodeRemoved(const QString& node);
    void onInventoryChanged();
    [[nodiscard]] QString siteNameFor(const QString& siteId) const;
    [[nodiscard]] QString stateToolTip(const Row& row) const;
    [[nodiscard]] QVariant displayData(const Row& row, Column column) const;
    [[nodiscard]] QVariant sortData(const Row& row, Column column) const;
    [[nodiscard]] QVariant filterData(const Row& row, Column column) const;
    [[nodiscard]] const QIcon& stateIcon(NodeDisplayState state) const;

    QPointer<ClusterController> m_controller;
    QList<Row> m_rows;                    // in the base's row order
    mutable std::array<QIcon, 5> m_icons; // painted on first use, per NodeDisplayState
};

} // namespace kumo
