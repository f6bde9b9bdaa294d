// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/outageuicontroller.h"

#include <QAction>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "ui/clusterselection.h"
#include "ui/outage/outagepanel.h"
#include "ui/outage/outageplaneditor.h"
#include "ui/outage/outagewizard.h"
#include "ui/plaintext.h"

Q_LOGGING_CATEGORY(lcOutageUi, "kumo.ui.outage")

namespace kumo {

namespace {

constexpr int WatchIntervalMs = 1000;

} // namespace

OutageUiController::OutageUiController(ClusterController* controller, ClusterSelection* selection,
                                       QWidget* window, QObject* parent)
    : QObject(parent)
    , m_controller(controller)
    , m_selection(selection)
    , m_window(window)
{
    m_prepareAction = new QAction(this);
    m_prepareAction->setObjectName(QStringLiteral("prepareOutageAction"));
    m_endAction = new QAction(this);
    m_endAction->setObjectName(QStringLiteral("endOutageAction"));
    connect(m_prepareAction, &QAction::triggered, this,
            [this] { openWizard(OutageDirection::Evacuate, currentSite()); });
    connect(m_endAction, &QAction::triggered, this, [this] {
        const QString site = currentSite();
        openWizard(OutageDirection::Return, m_outageSites.contains(site) ? site : QString());
    });

    // The offer to resume an outage run a previous console left unfinished: a bar, not a dialog.
    m_resumeBar = new QFrame(window);
    m_resumeBar->setObjectName(QStringLiteral("resumeBar"));
    m_resumeBar->setFrameShape(QFrame::StyledPanel);
    m_resumeBar->setStyleSheet(
        QStringLiteral("#resumeBar { background: #fff4e0; border: 1px solid #c27c0e; }"));
    auto* resumeLayout = new QHBoxLayout(m_resumeBar);
    resumeLayout->setContentsMargins(8, 4, 8, 4);
    m_resumeText = new QLabel(m_resumeBar);
    m_resumeText->setWordWrap(true);
    m_resumeText->setTextFormat(Qt::PlainText);
    m_resumeButton = new QPushButton(m_resumeBar);
    m_resumeLaterButton = new QPushButton(m_resumeBar);
    resumeLayout->addWidget(m_resumeText, 1);
    resumeLayout->addWidget(m_resumeButton);
    resumeLayout->addWidget(m_resumeLaterButton);
    m_resumeBar->setVisible(false);
    connect(m_resumeButton, &QPushButton::clicked, this, &OutageUiController::resumeUnfinished);
    connect(m_resumeLaterButton, &QPushButton::clicked, m_resumeBar, &QWidget::hide);

    updateActions();
}

OutageUiController::~OutageUiController() = default;

void OutageUiController::setEvacuation(Evacuation* evacuation)
{
    if (m_evacuation || !evacuation)
        return;
    m_evacuation = evacuation;
    applyPreferences();

    m_panel = new OutagePanel(evacuation, m_window);
    m_dock = new QDockWidget(m_window);
    m_dock->setObjectName(QStringLiteral("outageDock"));
    m_dock->setWidget(m_panel);
    connect(m_panel, &OutagePanel::runShown, this, &OutageUiController::showDock);

    OutageExecution* execution = evacuation->execution();
    connect(execution, &OutageExecution::stateChanged, this, [this] {
        updateActions();
        updateMapArrows();
    });
    connect(execution, &OutageExecution::moveChanged, this, &OutageUiController::updateMapArrows);
    // Runs of other processes (a headless `kumo evacuate`) appear, move on and end: follow them.
    m_watchTimer = new QTimer(this);
    m_watchTimer->setInterval(WatchIntervalMs);
    connect(m_watchTimer, &QTimer::timeout, this, &OutageUiController::pollElsewhere);
    m_watchTimer->start();
    // A run found elsewhere at start is shown once the window has placed the dock.
    QTimer::singleShot(0, this, [this] {
        if (!m_watchedSite.isEmpty() && m_dock)
            showDock();
    });
    connect(execution, &OutageExecution::message, this, &OutageUiController::statusMessage);
    connect(evacuation, &Evacuation::message, this, &OutageUiController::statusMessage);
    connect(m_controller, &ClusterController::inventoryChanged, this, [this] {
        updateActions();
        if (m_resumeBar->isVisible())
            checkUnfinished();
    });
    retranslate();
    updateActions();
}

Evacuation* OutageUiController::evacuation() const
{
    return m_evacuation;
}

OutageWizard* OutageUiController::wizard() const
{
    return m_wizard;
}

void OutageUiController::applyPreferences()
{
    if (m_evacuation)
        m_evacuation->execution()->setFailurePolicy(OutageExecution::failurePolicyFromSettings());
}

void OutageUiController::retranslate()
{
    m_prepareAction->setText(tr("&Prepare for Planned Outage…"));
    m_endAction->setText(tr("&End Outage and Return Home…"));
    updateActions(); // the tooltips, which say why in read-only mode
    m_resumeButton->setText(tr("&Resume"));
    m_resumeLaterButton->setText(tr("Not &Now"));
    if (m_dock)
        m_dock->setWindowTitle(tr("Planned outage"));
    checkUnfinished();
}

QString OutageUiController::currentSite() const
{
    const Inventory& inventory = m_controller->inventory();
    const QString key = m_selection->current();
    QString node;
    if (m_selection->kind() == ClusterSelection::Kind::Nodes) {
        node = key;
    } else if (const InstanceSnapshot* instance = m_controller->instance(key)) {
        node = instance->node;
    }
    const NodeConfig* config = inventory.node(node);
    return config ? config->site : QString();
}

QString OutageUiController::siteDisplayName(const QString& site) const
{
    const Site* config = m_controller->inventory().site(site);
    return config ? config->displayName(language::current()) : site;
}

bool OutageUiController::isIdle() const
{
    return m_evacuation && !m_evacuation->execution()->isActive() && !m_wizard;
}

bool OutageUiController::canEndOutage(const QString& site) const
{
    return isIdle() && !m_controller->readOnly() && m_outageSites.contains(site);
}

void OutageUiController::updateActions()
{
    m_outageSites = m_controller->maintenanceSites();
    if (m_evacuation) {
        const QList<OutageState> states = m_evacuation->store()->all();
        for (const OutageState& state : states) {
            if (state.phase != OutagePhase::Ended && !state.homes.isEmpty())
                m_outageSites.insert(state.site);
        }
    }
    const bool idle = isIdle();
    // Read-only mode: the actions stay visible, disabled, and say why (Evacuation refuses too).
    const bool writable = !m_controller->readOnly();
    m_prepareAction->setEnabled(idle && writable);
    m_endAction->setEnabled(idle && writable && !m_outageSites.isEmpty());
    m_resumeButton->setEnabled(writable);
    const QString readOnly = tr("Read-only mode: Kumo starts no evacuation and no return.");
    m_prepareAction->setToolTip(
        writable ? tr("Plan and run the evacuation of a campus before its power is switched off") : readOnly);
    m_endAction->setToolTip(writable ? tr("Bring every evacuated instance back to its home node") : readOnly);
    m_resumeButton->setToolTip(writable ? QString() : readOnly);
}

QMenu* OutageUiController::createSiteMenu(const QString& site, QWidget* parent)
{
    updateActions();
    auto* menu = new QMenu(parent);
    const QString name = siteDisplayName(site);
    menu->setTitle(name);
    QAction* prepare = menu->addAction(m_prepareAction->text());
    prepare->setObjectName(QStringLiteral("prepareOutageAction"));
    prepare->setEnabled(m_prepareAction->isEnabled());
    prepare->setToolTip(plainToolTip(tr("Plan and run the evacuation of %1").arg(name)));
    connect(prepare, &QAction::triggered, this,
            [this, site] { openWizard(OutageDirection::Evacuate, site); });
    QAction* end = menu->addAction(m_endAction->text());
    end->setObjectName(QStringLiteral("endOutageAction"));
    end->setEnabled(canEndOutage(site));
    connect(end, &QAction::triggered, this, [this, site] { openWizard(OutageDirection::Return, site); });
    return menu;
}

OutageWizard* OutageUiController::openWizard(OutageDirection direction, const QString& site)
{
    if (!m_evacuation)
        return nullptr;
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    m_wizard = new OutageWizard(m_evacuation, direction, site, m_window);
    m_wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_wizard, &OutageWizard::arrowsChanged, this, &OutageUiController::planArrowsChanged);
    connect(m_wizard, &OutageWizard::started, this, &OutageUiController::showDock);
    connect(m_wizard, &QObject::destroyed, this, [this] {
        // QWidget announces its end before its guards are cleared.
        m_wizard.clear();
        updateActions();
        updateMapArrows();
    });
    updateActions();
    m_wizard->open();
    return m_wizard;
}

void OutageUiController::updateMapArrows()
{
    // The wizard draws its own plan while it is open.
    if (m_wizard && m_wizard->isVisible())
        return;
    const OutageState* state = m_evacuation ? m_evacuation->execution()->state() : nullptr;
    if (m_watchedState && !(m_evacuation && m_evacuation->execution()->isActive()))
        state = &*m_watchedState; // another process's run: its arrows too
    const OutageRun* run = state ? state->activeRun() : nullptr;
    Q_EMIT planArrowsChanged(run ? remainingArrows(*run) : QList<PlanArrow>());
}

void OutageUiController::showDock()
{
    m_dock->show();
    m_dock->raise();
}

bool OutageUiController::isMidRun() const
{
    const OutageExecution* execution = m_evacuation ? m_evacuation->execution() : nullptr;
    if (!execution)
        return false;
    const OutageRun* run = execution->run();
    return execution->migrationsInFlight() > 0 ||
           (run && run->state == RunState::Running && !run->isFinished());
}

bool OutageUiController::mayClose()
{
    OutageExecution* execution = m_evacuation ? m_evacuation->execution() : nullptr;
    if (m_closeAllowed || !execution)
        return true;
    if (!isMidRun())
        return true;
    if (m_closingAfterMoves) {
        Q_EMIT statusMessage(tr("The window closes when the running moves have ended."));
        return false;
    }
    if (m_closeQuestion) {
        m_closeQuestion->raise();
        m_closeQuestion->activateWindow();
        return false;
    }
    const int inFlight = execution->migrationsInFlight();
    auto* box = new QMessageBox(QMessageBox::Question, tr("Planned outage in progress"),
                                tr("%1 is running; %n move(s) in progress.", nullptr, inFlight)
                                    .arg(isolatedName(execution->runTitle())),
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("closeDuringRunQuestion"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Let the running moves finish: no new move starts, the window closes after them, and the "
           "run can be resumed later. Cancel the moves: they stop at once and the instances stay "
           "where they are. Or keep the window open."));
    showAsPlainText(box);
    QPushButton* finish = box->addButton(tr("&Finish Running Moves, Then Close"), QMessageBox::AcceptRole);
    finish->setObjectName(QStringLiteral("finishThenClose"));
    QPushButton* cancel = box->addButton(tr("&Cancel Moves and Close"), QMessageBox::DestructiveRole);
    cancel->setObjectName(QStringLiteral("cancelAndClose"));
    QPushButton* keep = box->addButton(tr("&Keep Window Open"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepWindow"));
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    connect(box, &QMessageBox::finished, this, [this, box, finish, cancel] {
        m_closeQuestion.clear(); // deleted later: a new close asks again
        OutageExecution* current = m_evacuation ? m_evacuation->execution() : nullptr;
        if (!current)
            return;
        if (box->clickedButton() == finish) {
            current->pause();
            closeWhenNoMoveIsInFlight();
        } else if (box->clickedButton() == cancel) {
            cancelMovesAndClose();
        }
    });
    m_closeQuestion = box;
    box->open();
    return false;
}

QMessageBox* OutageUiController::closeQuestion() const
{
    return m_closeQuestion;
}

OutageUiController::SignalAnswer OutageUiController::answerQuitSignal(bool hangup)
{
    if (!isMidRun())
        return SignalAnswer::Quit;
    if (hangup) {
        qCInfo(lcOutageUi, "SIGHUP ignored: the outage run goes on (quit with SIGINT or SIGTERM)");
        Q_EMIT statusMessage(tr("The terminal went away; the planned outage run goes on."));
        return SignalAnswer::Ignored;
    }
    if (m_cancellingOnSignal) {
        qCInfo(lcOutageUi, "second quit signal: quitting without waiting for the cancelled moves");
        return SignalAnswer::QuitAtOnce;
    }
    m_cancellingOnSignal = true;
    qCInfo(lcOutageUi, "quit signal mid-run: cancelling the running moves, then closing");
    if (QMessageBox* question = m_closeQuestion) {
        // Answered by the signal: the question goes without answering itself.
        m_closeQuestion.clear();
        question->disconnect(this);
        question->close();
    }
    cancelMovesAndClose();
    return SignalAnswer::Cancelling;
}

void OutageUiController::cancelMovesAndClose()
{
    if (!m_evacuation)
        return;
    m_evacuation->execution()->abortAll();
    closeWhenNoMoveIsInFlight();
}

void OutageUiController::closeWhenNoMoveIsInFlight()
{
    OutageExecution* execution = m_evacuation->execution();
    m_closingAfterMoves = true;
    const auto check = [this] {
        if (!m_closingAfterMoves || !m_evacuation)
            return;
        // A stopped run closes once it has ended (recorded, its campus let go), not only when
        // its last move has.
        const OutageExecution* current = m_evacuation->execution();
        const OutageRun* run = current->run();
        if (current->migrationsInFlight() > 0 ||
            (run && run->state == RunState::Stopped && !current->hasEnded()))
            return;
        m_closingAfterMoves = false;
        m_closeAllowed = true;
        if (m_window)
            m_window->close();
        m_closeAllowed = false; // a window shown again asks again
        m_cancellingOnSignal = false;
    };
    connect(execution, &OutageExecution::moveChanged, this, check);
    connect(execution, &OutageExecution::stateChanged, this, check);
    connect(execution, &OutageExecution::runFinished, this, check);
    Q_EMIT statusMessage(tr("The window closes when the running moves have ended."));
    QTimer::singleShot(0, this, check);
}

void OutageUiController::pollElsewhere()
{
    // Only while this console runs nothing itself; a quiet store costs a directory listing.
    if (!m_evacuation || m_evacuation->execution()->isActive())
        return;
    if (!m_watchedSite.isEmpty() || !m_evacuation->runningElsewhere().isEmpty())
        checkUnfinished();
}

bool OutageUiController::showRunElsewhere()
{
    const QList<std::pair<OutageState, OutageLockOwner>> elsewhere =
        m_evacuation->execution()->isActive() ? QList<std::pair<OutageState, OutageLockOwner>>()
                                              : m_evacuation->runningElsewhere();
    if (elsewhere.isEmpty()) {
        if (!m_watchedSite.isEmpty() && m_panel) {
            // Ended there (or its owner went): the last the file says, no longer anyone's.
            m_panel->clearWatched();
            if (const Result<OutageState> last = m_evacuation->store()->load(m_watchedSite)) {
                const OutageRun& run =
                    last->phase == OutagePhase::Ended || last->phase == OutagePhase::Returning
                        ? last->returnRun
                        : last->evacuation;
                if (!run.plan.moves.isEmpty() && !m_evacuation->execution()->isActive())
                    m_panel->showRun(run);
            }
        }
        m_watchedSite.clear();
        m_watchedState.reset();
        return false;
    }
    const auto& [state, owner] = elsewhere.constFirst();
    const OutageRun* run = state.activeRun();
    const int done = run ? run->count(MoveStatus::Done) : 0;
    const int total = run ? int(run->records.size()) : 0;
    const QString text =
        (state.phase == OutagePhase::Returning
             ? tr("The return home of %1 is being run by %2: %3 of %n instance(s) are home. It is shown "
                  "here read-only.",
                  nullptr, total)
             : tr("The evacuation of %1 is being run by %2: %3 of %n instance(s) have moved. It is shown "
                  "here read-only.",
                  nullptr, total))
            .arg(isolatedName(siteDisplayName(state.site)), owner.describe(), QString::number(done));
    const bool changed = m_watchedSite != state.site || !m_watchedState || !(*m_watchedState == state) ||
                         m_resumeText->text() != text;
    m_watchedSite = state.site;
    m_watchedState = state;
    m_resumeSite.clear();
    if (!changed)
        return true;
    m_resumeText->setText(text);
    m_resumeButton->hide();
    m_resumeLaterButton->hide();
    m_resumeBar->show();
    if (m_panel && run && !run->plan.moves.isEmpty())
        m_panel->showWatchedRun(*run, owner.describe());
    updateMapArrows();
    return true;
}

void OutageUiController::checkUnfinished()
{
    if (!m_evacuation)
        return;
    if (showRunElsewhere())
        return;
    m_resumeButton->show();
    m_resumeLaterButton->show();
    const QList<OutageState> unfinished =
        m_evacuation->execution()->isActive() ? QList<OutageState>() : m_evacuation->unfinished();
    if (unfinished.isEmpty()) {
        m_resumeSite.clear();
        m_resumeBar->hide();
        return;
    }
    const OutageState& state = unfinished.constFirst();
    m_resumeSite = state.site;
    const OutageRun* run = state.activeRun();
    const int done = run ? run->count(MoveStatus::Done) : 0;
    const int total = run ? int(run->records.size()) : 0;
    m_resumeText->setText(
        (state.phase == OutagePhase::Returning
             ? tr("The return home of %1 did not finish: %2 of %n instance(s) are home. Resume it?", nullptr,
                  total)
             : tr("The evacuation of %1 did not finish: %2 of %n instance(s) have moved. Resume it?", nullptr,
                  total))
            .arg(isolatedName(siteDisplayName(state.site)), QString::number(done)));
    m_resumeButton->setAccessibleDescription(m_resumeText->text());
    m_resumeBar->show();
}

void OutageUiController::resumeUnfinished()
{
    if (!m_evacuation || m_resumeSite.isEmpty())
        return;
    const Result<void> resumed = m_evacuation->resumeUnfinished(m_resumeSite);
    if (!resumed) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot resume"), resumed.error().message,
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        showAsPlainText(box);
        if (!resumed.error().detail.isEmpty())
            box->setDetailedText(resumed.error().detail);
        box->open();
        return;
    }
    m_resumeBar->hide();
    showDock();
    updateActions();
    updateMapArrows();
}

} // namespace kumo
