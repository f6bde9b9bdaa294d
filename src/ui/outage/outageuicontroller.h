// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// OutageUiController: the planned-outage gestures of the window in one place, the outage
// counterpart of MigrationUiController. It owns the "Prepare for Planned Outage…" and "End Outage
// and Return Home…" actions (for the Site menu) and builds the map's site context menu; it opens
// the OutageWizard in evacuate or return mode, one at a time; it says which plan arrows the main
// map should draw (the open wizard's plan, else what is left of the active run); it owns the
// OutagePanel dock and the bar offering to resume a run a previous console left unfinished, which
// MainWindow places. A run another process owns (the campus's lock, OutageStore) is never offered:
// the bar names its owner and the panel shows it read-only, following its state file (read every
// second while this console runs nothing) until it ends or its owner goes. Without an Evacuation the actions
// stay disabled. The messages of the Evacuation and of its run's owner (Evacuation::execution()) are reported
// as one-line status messages. Thread: GUI. Owner: MainWindow; the ClusterController and the ClusterSelection
// must outlive it. The Evacuation is guarded: it may go first.
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <optional>

#include "core/outageplan.h"
#include "core/outagestate.h"
#include "ui/map/planarrowsitem.h"

class QAction;
class QDockWidget;
class QFrame;
class QLabel;
class QMenu;
class QMessageBox;
class QPushButton;
class QTimer;
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
    // The site of the run another process owns that the panel shows read-only; empty when none.
    [[nodiscard]] QString watchedSite() const { return m_watchedSite; }
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

    // Whether the window may close now. Mid-run (moves in flight, or more to start) it asks
    // instead, without blocking: let the running moves finish and close after (the run is paused,
    // resumable), cancel them and close (the run stops, resumable), or keep the window. After
    // either of the first two the window closes itself once no move is in flight.
    [[nodiscard]] bool mayClose();
    // The question while it is open (nullptr otherwise).
    [[nodiscard]] QMessageBox* closeQuestion() const;
    [[nodiscard]] bool isClosingAfterMoves() const { return m_closingAfterMoves; }

    // What the window does about a quit signal (SIGINT, SIGTERM; SIGHUP when `hangup`). A signal
    // cannot be asked, so mid-run it gets the orderly answer to the close question: the moves are
    // cancelled (recorded, the run stopped and resumable) and the window closes once none is in
    // flight (Cancelling); a second signal then quits at once (QuitAtOnce). SIGHUP (the terminal
    // went away) does not stop a run (Ignored, logged). Outside a run every signal quits (Quit).
    enum class SignalAnswer
    {
        Quit,
        QuitAtOnce,
        Cancelling,
        Ignored,
    };
    [[nodiscard]] SignalAnswer answerQuitSignal(bool hangup);

Q_SIGNALS:
    // A line for the status bar.
    void statusMessage(const QString& text);
    // The arrows the main map should draw now (empty: none).
    void planArrowsChanged(const QList<kumo::PlanArrow>& arrows);

private:
    void updateMapArrows();
    void checkUnfinished();
    // Shows the first run another process owns; false when there is none.
    bool showRunElsewhere();
    void pollElsewhere();
    // Moves in flight, or more to start: closing asks first.
    [[nodiscard]] bool isMidRun() const;
    // The "cancel the moves and close" answer: abort all, close once no move is in flight.
    void cancelMovesAndClose();
    void closeWhenNoMoveIsInFlight();
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
    QString m_watchedSite;
    std::optional<OutageState> m_watchedState; // as last shown
    QTimer* m_watchTimer = nullptr;
    QPointer<QMessageBox> m_closeQuestion;
    bool m_closingAfterMoves = false;
    bool m_closeAllowed = false;
    bool m_cancellingOnSignal = false; // a quit signal cancelled the moves: the next one quits at once
    QSet<QString> m_outageSites;       // sites with an outage to end (maintenance or recorded homes)
};

} // namespace kumo
