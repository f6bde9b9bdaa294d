// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The pages of the OutageWizard. OutageSitePage: which campus, the outage's time window and
// reason, the run's limits (and, returning home, the recorded home nodes and ending maintenance
// mode); leaving it builds the plan. OutagePlanPage: the plan as tables and as arrows on a map of
// its own, where dragging an instance onto a node changes its target; Next only without problems.
// OutageDryRunPage: every move's full pre-flight check; Finish only when nothing is refused.
// Thread: GUI.
// Owner: OutageWizard.
#pragma once

#include <memory>

#include <QWizardPage>

#include "core/outageplan.h"
#include "core/preflight.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTableWidget;

namespace Ui {
class OutageSitePage;
}

namespace kumo {

class CampusMapView;
class ClusterSelection;
class Evacuation;
class OutagePlanEditor;
class PlanTableModel;
class UnplacedTableModel;

class OutageSitePage : public QWizardPage
{
    Q_OBJECT

public:
    OutageSitePage(Evacuation* evacuation, OutagePlanEditor* editor, OutageDirection direction,
                   const QString& site, QWidget* parent = nullptr);
    ~OutageSitePage() override;

    [[nodiscard]] QString site() const;
    void setSite(const QString& site);
    [[nodiscard]] OutageLimits limits() const;
    [[nodiscard]] Ui::OutageSitePage* form() const { return m_ui.get(); }

    [[nodiscard]] bool isComplete() const override;
    bool validatePage() override;
    // Builds (or updates) the plan from what the page says; false (after saying why) when it cannot.
    bool buildPlan();

protected:
    void changeEvent(QEvent* event) override;

private:
    void fillSites();
    void fillHomes();
    void retranslate();
    void showError(const QString& title, const QString& text);

    Evacuation* m_evacuation;
    OutagePlanEditor* m_editor;
    OutageDirection m_direction;
    const std::unique_ptr<Ui::OutageSitePage> m_ui;
    QString m_builtKey; // site and headroom of the plan the editor holds
};

class OutagePlanPage : public QWizardPage
{
    Q_OBJECT

public:
    OutagePlanPage(Evacuation* evacuation, OutagePlanEditor* editor, QWidget* parent = nullptr);

    [[nodiscard]] QTableView* planTable() const { return m_planTable; }
    [[nodiscard]] QTableView* unplacedTable() const { return m_unplacedTable; }
    [[nodiscard]] PlanTableModel* planModel() const { return m_planModel; }
    [[nodiscard]] UnplacedTableModel* unplacedModel() const { return m_unplacedModel; }
    [[nodiscard]] CampusMapView* map() const { return m_map; }
    [[nodiscard]] QString summaryText() const;

    [[nodiscard]] bool isComplete() const override;
    void initializePage() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void onPlanChanged();
    void retranslate();

    OutagePlanEditor* m_editor;
    PlanTableModel* m_planModel;
    UnplacedTableModel* m_unplacedModel;
    ClusterSelection* m_selection;
    QLabel* m_summary = nullptr;
    QLabel* m_movesLabel = nullptr;
    QLabel* m_unplacedLabel = nullptr;
    QLabel* m_mapLabel = nullptr;
    QTableView* m_planTable = nullptr;
    QTableView* m_unplacedTable = nullptr;
    CampusMapView* m_map = nullptr;
};

class OutageDryRunPage : public QWizardPage
{
    Q_OBJECT

public:
    OutageDryRunPage(Evacuation* evacuation, OutagePlanEditor* editor, QWidget* parent = nullptr);

    [[nodiscard]] QTableWidget* results() const { return m_results; }
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool hasResult() const { return m_done; }
    [[nodiscard]] int refusedCount() const { return m_refused; }

    [[nodiscard]] bool isComplete() const override;
    void initializePage() override;
    // Runs the dry run of the editor's plan (again).
    void start();

protected:
    void changeEvent(QEvent* event) override;

private:
    void onFinished(const OutagePlan& plan, const QList<PreflightResult>& results);
    void retranslate();

    Evacuation* m_evacuation;
    OutagePlanEditor* m_editor;
    QLabel* m_status = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_again = nullptr;
    QTableWidget* m_results = nullptr;
    QList<PreflightResult> m_last;
    bool m_running = false;
    OutagePlan m_checking; // the plan sent to the dry run
    bool m_done = false;
    int m_refused = 0;
};

} // namespace kumo
