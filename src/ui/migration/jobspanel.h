// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// JobsPanel: the migration jobs, for a dock. A table of the JobsModel with a progress bar per
// row, and actions for the selected job: cancel, change bandwidth or maximum downtime while it
// runs, switch to post-copy (when the job allows it) and clear finished jobs.
// Thread: GUI.
// Owner: the window that docks it.
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTableView;
class QToolBar;

namespace kumo {

class JobsModel;
class MigrationQueue;
struct Error;

class JobsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit JobsPanel(MigrationQueue* queue, QWidget* parent = nullptr);
    ~JobsPanel() override;

    [[nodiscard]] JobsModel* model() const { return m_model; }
    [[nodiscard]] QTableView* table() const { return m_table; }
    [[nodiscard]] QAction* cancelAction() const { return m_cancel; }
    [[nodiscard]] QAction* bandwidthAction() const { return m_bandwidth; }
    [[nodiscard]] QAction* downtimeAction() const { return m_downtime; }
    [[nodiscard]] QAction* postCopyAction() const { return m_postCopy; }
    [[nodiscard]] QAction* clearFinishedAction() const { return m_clear; }
    // The job of the current row, or 0.
    [[nodiscard]] quint64 selectedJob() const;
    void selectJob(quint64 id);

public Q_SLOTS:
    void cancelSelected();
    void setBandwidthOfSelected();
    void setMaxDowntimeOfSelected();
    void switchSelectedToPostCopy();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void setColumnWidths();
    void updateActions();
    void onTuningFailed(quint64 id, const Error& error);

    MigrationQueue* m_queue;
    JobsModel* m_model;
    QTableView* m_table;
    QToolBar* m_toolBar;
    QLabel* m_message;
    QAction* m_cancel;
    QAction* m_bandwidth;
    QAction* m_downtime;
    QAction* m_postCopy;
    QAction* m_clear;
};

} // namespace kumo
