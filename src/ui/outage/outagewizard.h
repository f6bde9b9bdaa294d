// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageWizard: "Prepare for planned outage…" and "End outage and return home…". Three pages —
// the outage (campus, time window, reason, limits), the plan (tables and a map with arrows where
// dragging an instance changes its target) and the dry run — then Finish starts the run with
// Evacuation::start (a refusal is explained and the wizard stays open). Opened window-modal and
// without blocking (open()). Before a return starts, instances whose service did not answer after
// the evacuation moved them are named in a warning; the person may go on or go back. While it is open,
// arrowsChanged() lets the main map draw the plan. Thread: GUI. Owner: MainWindow (deleted on close) or a
// test; the Evacuation must outlive it.
#pragma once

#include <QList>
#include <QPointer>
#include <QWizard>

#include "core/outageplan.h"
#include "ui/map/planarrowsitem.h"

class QMessageBox;

namespace kumo {

class Evacuation;
class OutageDryRunPage;
class OutagePlanEditor;
class OutagePlanPage;
class OutageSitePage;

class OutageWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId
    {
        SitePageId,
        PlanPageId,
        DryRunPageId,
    };

    // direction: Evacuate ("Prepare for planned outage…") or Return ("End outage and return home…").
    // site: preselected campus (may be empty: the first page asks).
    OutageWizard(Evacuation* evacuation, OutageDirection direction, const QString& site = {},
                 QWidget* parent = nullptr);
    ~OutageWizard() override;

    [[nodiscard]] OutageDirection direction() const { return m_direction; }
    [[nodiscard]] Evacuation* evacuation() const { return m_evacuation; }
    [[nodiscard]] OutagePlanEditor* editor() const { return m_editor; }
    [[nodiscard]] OutageSitePage* sitePage() const { return m_sitePage; }
    [[nodiscard]] OutagePlanPage* planPage() const { return m_planPage; }
    [[nodiscard]] OutageDryRunPage* dryRunPage() const { return m_dryRunPage; }

    // Starts the run of the edited plan, as Finish does; false (after saying why) when refused.
    bool startRun();
    // The names of the instances whose service did not answer after the evacuation moved them,
    // from the outage state of the plan's campus (a return only; empty otherwise).
    [[nodiscard]] QStringList silentServices() const;
    // True when nothing needs saying or the person chose to go on; otherwise opens the warning
    // naming silentServices() and returns false (Finish calls it before a return starts).
    bool confirmServices();
    // The warning naming them, while it is open.
    [[nodiscard]] QMessageBox* serviceWarning() const;

Q_SIGNALS:
    // The plan as arrows, after every change (empty when the wizard closes without starting).
    void arrowsChanged(const QList<kumo::PlanArrow>& arrows);
    // The run started with this plan.
    void started(const kumo::OutagePlan& plan);

protected:
    bool validateCurrentPage() override;
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void warnAboutServices(const QStringList& names);

    Evacuation* m_evacuation;
    OutageDirection m_direction;
    OutagePlanEditor* m_editor;
    OutageSitePage* m_sitePage;
    OutagePlanPage* m_planPage;
    OutageDryRunPage* m_dryRunPage;
    QPointer<QMessageBox> m_serviceWarning;
    bool m_servicesAcknowledged = false; // the person chose to go on despite the warning
};

} // namespace kumo
