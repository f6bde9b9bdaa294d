// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageUiController: the planned-outage gestures of the window in one place, the outage
// counterpart of MigrationUiController. It owns the "Prepare for Planned Outage…" and "End Outage
// and Return Home…" actions (for the Site menu) and builds the map's site context menu; it opens
// the OutageWizard in evacuate or return mode, one at a time; it says which plan arrows the main
// map should draw (the open wizard's plan, else what is left of the active run); it owns the
// OutagePanel dock and the bar offering to resume a run a previous console left unfinished, which
// MainWindow places. Without an Evacuation the actions stay disabled. The messages of the
// Evacuation and of its run's owner (Evacuation::execution()) are reported as one-line status
// messages.
// Thread: GUI.
// Owner: MainWindow; the ClusterController and the ClusterSelection must outlive it. The
// Evacuation is guarded: it may go first.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include "core/outageplan.h"
#include "ui/map/planarrowsitem.h"

class QAction;
class QDockWidget;
class QFrame;
class QLabel;
class QMenu;
class QPushButton;
class QWidget;

namespace kumo {

class ClusterController;
class ClusterSelection;
class Evacuation;
class OutagePanel;
class OutageWizard;

class OutageUiController : public QObject
{
    Q_OBJECT

public:
    // The wizard, messages and the resume bar are created over `window`; `selection` says which
    // site the Site menu's actions are about.
    OutageUiController(ClusterController* controller, ClusterSelection* selection, QWidget* window,
                       QObject* parent = nullptr);
    ~OutageUiController() override;

    // Enables planned outages: applies the failure policy from the preferences, creates the
    // panel and its dock (hidden) and offers to resume an unfinished run. Set once.
    void setEvacuation(Evacuation* evacuation);
    [[nodiscard]] Evacuation* evacuation() const;

    [[nodiscard]] QAction* prepareAction() const { return m_prepareAction; }
    [[nodiscard]] QAction* endAction() const { return m_endAction; }
    // The offer to resume an unfinished outage run (hidden when there is none).
    [[nodiscard]] QFrame* resumeBar() const { return m_resumeBar; }
    [[nodiscard]] QPushButton* resumeButton() const { return m_resumeButton; }
    // Both nullptr until setEvacuation().
    [[nodiscard]] OutagePanel* panel() const { return m_panel; }
    [[nodiscard]] QDockWidget* dock() const { return m_dock; }
    [[nodiscard]] OutageWizard* wizard() const;

    // The context menu for a site (the caller owns it).
    [[nodiscard]] QMenu* createSiteMenu(const QString& site, QWidget* parent);
    // Opens the outage wizard (window-modal, not blocking); raises the one already open.
    OutageWizard* openWizard(OutageDirection direction, const QString& site = {});

    // Enables the actions by state (call before showing a menu: the state may have changed).
    void updateActions();
    // The preferences were saved: the failure policy may have changed.
    void applyPreferences();
    // The window's language changed.
    void retranslate();

Q_SIGNALS:
    // A line for the status bar.
    void statusMessage(const QString& text);
    // The arrows the main map should draw now (empty: none).
    void planArrowsChanged(const QList<kumo::PlanArrow>& arrows);

private:
    void updateMapArrows();
    void checkUnfinished();
    void resumeUnfinished();
    void showDock();
    [[nodiscard]] QString currentSite() const;
    [[nodiscard]] QString siteDisplayName(const QString& site) const;
    [[nodiscard]] bool isIdle() const;
    [[nodiscard]] bool canEndOutage(const QString& site) const;

    ClusterController* m_controller;
    ClusterSelection* m_selection;
    QPointer<QWidget> m_window;
    QPointer<Evacuation> m_evacuation;
    QPointer<OutageWizard> m_wizard;
    QAction* m_prepareAction = nullptr;
    QAction* m_endAction = nullptr;
    OutagePanel* m_panel = nullptr;
    QDockWidget* m_dock = nullptr;
    QFrame* m_resumeBar = nullptr;
    QLabel* m_resumeText = nullptr;
    QPushButton* m_resumeButton = nullptr;
    QPushButton* m_resumeLaterButton = nullptr;
    QString m_resumeSite;
    QSet<QString> m_outageSites; // sites with an outage to end (maintenance or recorded homes)
};

} // namespace kumo
