// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// SplitBrainDialog: the guided fix for an instance that is active on two nodes at once. It shows
// what each copy reports (state and why it runs, CPU time, memory dirtied per second, measured by
// the node; "not answering" when the node does not answer within the cluster watchdog's
// deadline, asked again when it answers), which copy the last recorded migration meant to keep, and offers
// "Stop the copy on X" with a confirmation that also offers to remove the stopped copy's definition there.
// Both go through MigrationController::stopCopy, which records them in the journal. Facts come from the
// sessions' threads; the dialog never waits for them.
// Thread: GUI.
// Owner: its parent (the main window); deletes itself when closed.
#pragma once

#include <QDialog>
#include <QHash>
#include <QString>

#include "core/snapshot.h"

class QLabel;
class QPushButton;
class QTableWidget;
class QVBoxLayout;

namespace kumo {

class ClusterController;
class MigrationController;

class SplitBrainDialog : public QDialog
{
    Q_OBJECT

public:
    enum Column
    {
        NodeColumn,
        StateColumn,
        CpuTimeColumn,
        DirtyColumn,
        ColumnCount
    };

    SplitBrainDialog(MigrationController* migrations, const QString& uuid, QWidget* parent = nullptr);

    [[nodiscard]] QString uuid() const { return m_uuid; }
    // One row per node that reports the instance, in inventory order.
    [[nodiscard]] QTableWidget* copiesTable() const { return m_table; }
    // The "Stop the copy on <node>" button, or nullptr for a node that is not one of the copies.
    [[nodiscard]] QPushButton* stopButton(const QString& node) const { return m_stopButtons.value(node); }
    [[nodiscard]] QString lastMigrationText() const;
    [[nodiscard]] QString statusText() const;
    // Copies whose facts are still being measured.
    [[nodiscard]] int pendingFacts() const { return int(m_factRequests.size()); }

    // Asks for confirmation, then stops the copy on `node`. The confirmation is a message box
    // (objectName "confirmStopCopy"); returns false when the person cancelled. When another node
    // keeps a persistent definition, the box has a check box (objectName "removeDefinition",
    // checked) to remove the stopped copy's definition from `node` afterwards.
    bool stopCopy(const QString& node);

Q_SIGNALS:
    // The outcome of a stop: error.code is ErrorCode::None on success.
    void copyStopped(const QString& node, const kumo::Error& error);
    // The removal of the stopped copy's definition ended (only when it was asked for).
    void definitionRemoved(const QString& node, const kumo::Error& error);

private:
    void refill();
    void requestFacts();
    // Asks `node` again when its last answer was that it did not answer and it answers now.
    void askAgain(const QString& node);
    void fillLastMigration();
    void showFacts(const InstanceCopyFacts& facts);
    void setStatus(const QString& text);
    void updateStatus();

    MigrationController* m_migrations;
    ClusterController* m_cluster;
    QString m_uuid;
    QString m_name;
    QString m_meantNode; // the destination of the last recorded migration
    QLabel* m_summary = nullptr;
    QLabel* m_lastMigration = nullptr;
    QTableWidget* m_table = nullptr;
    QVBoxLayout* m_buttonsLayout = nullptr;
    QLabel* m_status = nullptr;
    QHash<QString, QPushButton*> m_stopButtons;
    QHash<quint64, QString> m_factRequests; // request id -> node
    QHash<QString, InstanceCopyFacts> m_facts;
    quint64 m_stopRequest = 0;
    QString m_stoppingNode;
    bool m_removingDefinition = false; // asked with the stop in progress
    quint64 m_removeRequest = 0;       // the stop's id while its definition is being removed
    QString m_statusBase;              // the last outcome; updateStatus() adds what the console sees now
};

} // namespace kumo
