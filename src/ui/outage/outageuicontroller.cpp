// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/outage/outageuicontroller.h"

#include <QAction>
#include <QDockWidget>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>

#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/outage/evacuation.h"
#include "app/outage/outageexecution.h"
#include "app/outage/outagestore.h"
#include "ui/clusterselection.h"
#include "ui/outage/outagepanel.h"
#include "ui/outage/outageplaneditor.h"
#include "ui/outage/outagewizard.h"

namespace kumo {

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
    prepare->setToolTip(tr("Plan and run the evacuation of %1").arg(name));
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
    const OutageRun* run = state ? state->activeRun() : nullptr;
    Q_EMIT planArrowsChanged(run ? remainingArrows(*run) : QList<PlanArrow>());
}

void OutageUiController::showDock()
{
    m_dock->show();
    m_dock->raise();
}

void OutageUiController::checkUnfinished()
{
    if (!m_evacuation)
        return;
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
             ? tr("The return home of %1 did not finish: %2 of %3 instances are home. Resume it?")
             : tr("The evacuation of %1 did not finish: %2 of %3 instances have moved. Resume it?"))
            .arg(siteDisplayName(state.site))
            .arg(done)
            .arg(total));
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
