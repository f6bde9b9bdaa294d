// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MonitoringTableModel: the base of the monitoring tables (the Alerts dock's and the event log's),
// whose rows each tell of something with a severity that happened to a subject — a campus, a node,
// an instance. It answers what both tables show alike: the columns' headers, the severity's word
// and mark, the campus's name in the current language, the node and the instance, and the
// subject's roles; after a language change, every cell and header. The rows stay the subclass's.
// Thread: GUI.
// Owner: the subclass's owner; the ClusterController (if any) outlives it.
#pragma once

#include <QAbstractTableModel>
#include <QList>

#include "app/monitoring/eventlog.h"

namespace kumo {

class ClusterController;

class MonitoringTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role
    {
        // KeyRole (ui/modelroles.h) carries the row's key.
        NodeRole = Qt::UserRole + 64,
        InstanceRole, // uuid
        FirstOwnRole, // a subclass's roles start here
    };

    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    // Texts after a language change.
    void retranslate();

protected:
    // What a column shows: a field the base answers alike in every table, or one of the table's own.
    enum class Field
    {
        Own,
        Severity,
        Campus,
        Node,
        Instance,
    };
    struct Column
    {
        Field field = Field::Own;
        // An own column's header, marked with QT_TRANSLATE_NOOP in the subclass's context.
        const char* header = nullptr;
    };
    // What a row is about, for the shared fields and roles.
    struct Subject
    {
        EventSeverity severity;
        const QString& site;
        const QString& node;
        const QString& instance; // uuid
        const QString& instanceName;
    };

    // `columns` in the order of the subclass's column enum; `cluster` (may be null) names campuses.
    MonitoringTableModel(QList<Column> columns, ClusterController* cluster, QObject* parent);

    // The shared fields' display, decoration and sort data and the subject's roles; the subclass
    // answers its own columns and roles first and leaves the rest here.
    [[nodiscard]] QVariant subjectData(const QModelIndex& index, int role, const Subject& subject) const;
    // Whether `index` names a row of the table (of `rows` rows).
    [[nodiscard]] static bool isRow(const QModelIndex& index, qsizetype rows)
    {
        return index.isValid() && index.row() < rows;
    }

private:
    [[nodiscard]] QString siteName(const QString& site) const;

    QList<Column> m_columns;
    ClusterController* m_cluster;
};

} // namespace kumo
